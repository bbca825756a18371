// Raw Produce, Fetch and InitProducerId requests for tests that forge what no
// real client sends. Field names are those of our schemas (Kafka's specs).
import { openRequestClient, type RequestClient } from "../client/request-client";
import { afterAll, beforeAll } from "vitest";
import { createCluster, type ClusterCore, type ClusterCoreOptions } from "../core";
import { BatchField, encodeRecordBatch, sealBatch, type NewBatch } from "../protocol";

export type PartitionAnswer = { index: number; errorCode: number; baseOffset: bigint; errorMessage: string | null; recordErrors: { batchIndex: number; batchIndexErrorMessage: string | null }[] };

/** A request client connected to the broker with `nodeId` (default: the first). */
export async function clientOf(cluster: ClusterCore, nodeId = cluster.brokers[0].nodeId): Promise<RequestClient> {
  const b = cluster.brokers.find((x) => x.nodeId === nodeId)!;
  return openRequestClient(cluster.connect(b.host, b.port));
}

/** An in-memory cluster for this test file (started before its tests, stopped after) and a request client of broker 1. */
export function coreClusterForThisFile(options: ClusterCoreOptions): { readonly cluster: ClusterCore; readonly client: RequestClient } {
  let cluster: ClusterCore | undefined;
  let client: RequestClient | undefined;
  beforeAll(async () => {
    cluster = await createCluster(options);
    client = await clientOf(cluster);
  });
  afterAll(async () => cluster?.stop());
  return {
    get cluster() {
      return cluster!;
    },
    get client() {
      return client!;
    },
  };
}

/** A batch with some header fields overwritten and its CRC recomputed (a forged but intact batch). */
export function forgedBatch(batch: NewBatch, fields: Partial<Record<keyof typeof BatchField, number | bigint>>): Buffer {
  const bytes = encodeRecordBatch(batch);
  for (const [name, value] of Object.entries(fields)) {
    const at = BatchField[name as keyof typeof BatchField];
    if (typeof value === "bigint") bytes.writeBigInt64BE(value, at);
    else if (name === "magic") bytes.writeInt8(value, at);
    else if (name === "attributes" || name === "producerEpoch") bytes.writeInt16BE(value, at);
    else bytes.writeInt32BE(value, at);
  }
  return fields.crc === undefined ? sealBatch(bytes) : bytes;
}

export const values = (...vs: string[]) => ({ records: vs.map((value) => ({ value })) });

/** Produces `records` to several partitions in one request; returns each partition's answer, in request order. */
export async function producePartitions(
  client: RequestClient,
  topic: string,
  parts: { index: number; records: Buffer | null }[],
  options: { acks?: number; version?: number; transactionalId?: string | null } = {},
): Promise<PartitionAnswer[]> {
  const body = {
    transactionalId: options.transactionalId ?? null,
    acks: options.acks ?? -1,
    timeoutMs: 5000,
    topicData: [{ name: topic, partitionData: parts }],
  };
  const response = await client.request(0, options.version ?? 8, body);
  return response.responses[0].partitionResponses;
}

/** Produces `records` to one partition; returns that partition's answer. */
export async function produceOne(client: RequestClient, topic: string, index: number, records: Buffer | null, options: { acks?: number; version?: number; transactionalId?: string | null } = {}): Promise<PartitionAnswer> {
  return (await producePartitions(client, topic, [{ index, records }], options))[0];
}

/** InitProducerId v1: a producer id and epoch (transactional when `transactionalId` is given). */
export async function initProducer(client: RequestClient, transactionalId: string | null = null): Promise<{ producerId: bigint; producerEpoch: number }> {
  const r = await client.request(22, 1, { transactionalId, transactionTimeoutMs: 60_000 });
  if (r.errorCode !== 0) throw new Error(`InitProducerId failed with ${r.errorCode}`);
  return { producerId: r.producerId, producerEpoch: r.producerEpoch };
}

type Producer = { producerId: bigint; producerEpoch: number };

/** A client of the broker that coordinates `transactionalId`. */
export const coordinatorOf = (cluster: ClusterCore, transactionalId: string) => clientOf(cluster, cluster.coordination.coordinatorFor(transactionalId));

/** AddPartitionsToTxn v1 for partition 0 of `topic`; returns its error code. */
export async function addPartition(cluster: ClusterCore, transactionalId: string, p: Producer, topic: string): Promise<number> {
  const r = await (await coordinatorOf(cluster, transactionalId)).request(24, 1, { transactionalId, ...p, topics: [{ name: topic, partitions: [0] }] });
  return r.results[0].results[0].errorCode;
}

/** EndTxn v1; returns its error code. */
export async function endTxn(cluster: ClusterCore, transactionalId: string, p: Producer, committed: boolean): Promise<number> {
  return (await (await coordinatorOf(cluster, transactionalId)).request(26, 1, { transactionalId, ...p, committed })).errorCode;
}

/** A transactional batch of one record. */
export const txnBatch = (p: Producer, baseSequence = 0, value = "in-txn", timestamp?: number) =>
  encodeRecordBatch({ records: [{ value, timestamp }], ...p, baseSequence, isTransactional: true });
