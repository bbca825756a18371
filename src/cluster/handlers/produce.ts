// Produce (0). Each partition's records go through one validation step
// (../log/validate-batch.ts: one v2 batch, intact, consistent with its
// records) and, for a transactional batch, a check with the transaction
// coordinator that the partition was added to the transaction; then the
// idempotent producer rules (a retried batch is answered with its original
// offset, a sequence gap is OUT_OF_ORDER_SEQUENCE_NUMBER, an old epoch is
// fenced). Only then is anything appended, so a refused batch leaves its
// partition untouched; partitions are answered independently, as in Kafka.
// Where ACLs are enforced, a topic the caller may not WRITE is
// TOPIC_AUTHORIZATION_FAILED (./partition-access.ts), and transactional
// records need WRITE on their transactional id.
// Topics are not created here (Kafka creates them on Metadata only). Every
// in-sync replica is in this process, so acks=all waits for nothing more than
// acks=1; but as in Kafka, acks=all is refused (NOT_ENOUGH_REPLICAS) while the
// ISR is smaller than the topic's min.insync.replicas. A batch the disk cannot
// take is KAFKA_STORAGE_ERROR. With acks=0 a failure closes the connection,
// Kafka's only way to tell.
import { BatchField, ErrorCode, type ProduceRequest, type ProduceResponse } from "../protocol";
import { producerBatchOf } from "../producers/partition-state";
import { isValid, validateBatch } from "../log/validate-batch";
import { CLOSE_CONNECTION, type Handler, type RequestContext } from "./handler";
import { leaderPartition } from "./partition-access";
import { allowed, onTransactionalId, Operation } from "./authorization";
import { produce as schema } from "../protocol/schemas/produce";
import { StorageError } from "../storage/storage";

type PartitionResult = ProduceResponse["responses"][number]["partitionResponses"][number];
type RecordErrors = { batchIndex: number; batchIndexErrorMessage: string | null }[];

function failed(index: number, errorCode: number, errorMessage: string | null = null, recordErrors: RecordErrors = []): PartitionResult {
  return { index, errorCode, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n, recordErrors, errorMessage };
}

function appendPartition(ctx: RequestContext, transactionalId: string | null, topic: string, index: number, records: Buffer | null, acks: number): PartitionResult {
  const p = leaderPartition(ctx, topic, index, Operation.WRITE);
  if (typeof p === "number") return failed(index, p);
  const settings = ctx.state.topicSettings(topic, ctx.nodeId);
  if (acks === -1 && p.isr.length < settings.minInsyncReplicas) {
    return failed(index, ErrorCode.NOT_ENOUGH_REPLICAS, `${p.isr.length} in-sync replicas (${p.isr.join(", ")}), min.insync.replicas is ${settings.minInsyncReplicas}`);
  }
  const checked = validateBatch(records, { origin: "client", apiVersion: ctx.header.apiVersion, maxMessageBytes: settings.maxMessageBytes });
  if (!isValid(checked)) return failed(index, checked.errorCode, checked.message, checked.recordErrors);
  const { log } = p;
  const h = checked.header;
  if (h.isTransactional && h.producerId >= 0n && !log.producers.hasOngoingTransaction(h.producerId)) {
    const code = ctx.coordination.txns.verifyPartition(transactionalId!, h.producerId, h.producerEpoch, { topic, partition: index });
    if (code !== ErrorCode.NONE) return failed(index, code, verificationMessage(code, topic, index));
  }
  const verdict = log.producers.check(producerBatchOf(h));
  if (verdict.kind === "error") return failed(index, verdict.errorCode, verdict.message);
  let baseOffset: bigint;
  try {
    const duplicate = verdict.kind === "duplicate" && !ctx.defects.has("duplicates-stored");
    baseOffset = duplicate ? verdict.baseOffset : log.append(checked);
  } catch (err) {
    if (err instanceof StorageError) return failed(index, ErrorCode.KAFKA_STORAGE_ERROR, err.message);
    throw err;
  }
  return { index, errorCode: ErrorCode.NONE, baseOffset, logAppendTimeMs: -1n, logStartOffset: log.logStartOffset, recordErrors: [], errorMessage: null };
}

function verificationMessage(code: number, topic: string, index: number): string {
  if (code === ErrorCode.INVALID_TXN_STATE) return `${topic}-${index} was not added to the transaction (AddPartitionsToTxn)`;
  if (code === ErrorCode.NOT_ENOUGH_REPLICAS) return "the transaction is being committed or aborted; retry";
  return `the transaction coordinator does not know this producer for the request's transactional id`;
}

/** The transactional flag of a partition's first batch, read without trusting anything else in it (Kafka: RequestUtils.hasTransactionalRecords). */
function transactionalProducerOf(records: Buffer | null): bigint | undefined {
  if (!records || records.length <= BatchField.recordCount || (records.readInt16BE(BatchField.attributes) & 0x10) === 0) return undefined;
  return records.readBigInt64BE(BatchField.producerId);
}

/**
 * A failure of the whole request, as KafkaApis and ReplicaManager answer it:
 * transactional records need a transactional id the caller may WRITE, and one
 * request carries the transactional records of one producer only.
 */
function requestError(ctx: RequestContext, body: ProduceRequest): number | undefined {
  const producers = body.topicData.flatMap((t) => t.partitionData.map((d) => transactionalProducerOf(d.records))).filter((p): p is bigint => p !== undefined);
  if (producers.length === 0) return undefined;
  if (body.transactionalId === null || !allowed(ctx, onTransactionalId(Operation.WRITE, body.transactionalId))) return ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
  if (new Set(producers.filter((p) => p >= 0n)).size > 1) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
  return undefined;
}

export const produce: Handler = {
  schema,
  handle(ctx, body: ProduceRequest): ProduceResponse | undefined | typeof CLOSE_CONNECTION {
    const validAcks = body.acks === 0 || body.acks === 1 || body.acks === -1;
    const whole = validAcks ? requestError(ctx, body) : ErrorCode.INVALID_REQUIRED_ACKS;
    const responses = body.topicData.map((t) => ({
      name: t.name,
      partitionResponses: t.partitionData.map((d) =>
        whole !== undefined ? failed(d.index, whole, whole === ErrorCode.INVALID_REQUIRED_ACKS ? `acks must be 0, 1 or -1 (got ${body.acks})` : null)
          : appendPartition(ctx, body.transactionalId, t.name, d.index, d.records, body.acks),
      ),
    }));
    if (body.acks !== 0) return { responses, throttleTimeMs: 0 };
    return responses.some((t) => t.partitionResponses.some((p) => p.errorCode !== ErrorCode.NONE)) ? CLOSE_CONNECTION : undefined;
  },
  silent: (body: ProduceRequest) => body.acks === 0,
};
