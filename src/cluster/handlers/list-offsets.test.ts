// ListOffsets by timestamp as Kafka answers it (Partition.fetchOffsetForTimestamp,
// ReplicaManager.fetchOffset): the first record at or after the timestamp,
// found through each batch's max timestamp, and nothing at or past the last
// stable offset for READ_COMMITTED.
import { describe, expect, it } from "vitest";
import { encodeRecordBatch, ErrorCode, verifyBatchCrc } from "../protocol";
import { addPartition, clientOf, coordinatorOf, coreClusterForThisFile, endTxn, forgedBatch, initProducer, produceOne, txnBatch } from "../test-support/produce-requests";

const env = coreClusterForThisFile({ brokers: 1 });

async function offsetAt(topic: string, timestamp: number, isolationLevel: number): Promise<{ offset: bigint; timestamp: bigint }> {
  const body = { replicaId: -1, isolationLevel, topics: [{ name: topic, partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: BigInt(timestamp) }] }] };
  const p = (await env.client.request(2, 5, body)).topics[0].partitions[0];
  expect(p.errorCode).toBe(ErrorCode.NONE);
  return { offset: p.offset, timestamp: p.timestamp };
}

const at = (...stamps: number[]) => ({ records: stamps.map((timestamp, i) => ({ value: `r${i}`, timestamp })) });

describe("ListOffsets by timestamp", () => {
  it("never answers an offset at or past the last stable offset for read_committed", async () => {
    env.cluster.state.createTopic("lso-times", [[1]]);
    await produceOne(env.client, "lso-times", 0, encodeRecordBatch(at(1000)));
    const p = await initProducer(await coordinatorOf(env.cluster, "lso-tx"), "lso-tx");
    expect(await addPartition(env.cluster, "lso-tx", p, "lso-times")).toBe(ErrorCode.NONE);
    expect((await produceOne(env.client, "lso-times", 0, txnBatch(p, 0, "open", 5000), { transactionalId: "lso-tx" })).errorCode).toBe(ErrorCode.NONE);
    expect((await offsetAt("lso-times", 2000, 0)).offset).toBe(1n);
    expect(await offsetAt("lso-times", 2000, 1)).toEqual({ offset: -1n, timestamp: -1n });
    expect((await offsetAt("lso-times", 500, 1)).offset).toBe(0n);
    expect(await endTxn(env.cluster, "lso-tx", p, true)).toBe(ErrorCode.NONE);
    expect(await offsetAt("lso-times", 2000, 1)).toEqual({ offset: 1n, timestamp: 5000n });
  });

  it("finds the first record at or after the timestamp in log order, not the closest one", async () => {
    env.cluster.state.createTopic("out-of-order-times", [[1]]);
    await produceOne(env.client, "out-of-order-times", 0, encodeRecordBatch(at(1000, 3000)));
    await produceOne(env.client, "out-of-order-times", 0, encodeRecordBatch(at(2000, 2500, 4000)));
    expect(await offsetAt("out-of-order-times", 2200, 0)).toEqual({ offset: 1n, timestamp: 3000n });
    expect(await offsetAt("out-of-order-times", 3500, 0)).toEqual({ offset: 4n, timestamp: 4000n });
    expect(await offsetAt("out-of-order-times", 4001, 0)).toEqual({ offset: -1n, timestamp: -1n });
  });

  it("trusts no client's max timestamp: a batch header that understates it is corrected on append, as Kafka does", async () => {
    env.cluster.state.createTopic("forged-max", [[1]]);
    const understated = forgedBatch(at(1000, 9000), { maxTimestamp: 1000n });
    expect((await produceOne(env.client, "forged-max", 0, understated)).errorCode).toBe(ErrorCode.NONE);
    const [stored] = env.cluster.state.partition("forged-max", 0)!.log.allBatches();
    expect(stored.bytes.readBigInt64BE(35)).toBe(9000n);
    expect(await offsetAt("forged-max", 5000, 0)).toEqual({ offset: 1n, timestamp: 9000n });
    // The stored batch is still intact for every consumer.
    expect(verifyBatchCrc(stored.bytes)).toBe(true);
    expect(env.cluster.records("forged-max", 0).map((r) => r.timestamp)).toEqual([1000n, 9000n]);
  });
});
