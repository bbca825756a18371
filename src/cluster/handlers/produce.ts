// Produce (0). Appends the client's record batches as they are (only
// the base offset is rewritten). Validates each batch (v2 magic, CRC-32C,
// size), applies the idempotent/transactional producer rules (a retried batch
// is answered with its original offset and not stored twice; a sequence gap
// is OUT_OF_ORDER_SEQUENCE_NUMBER; an old epoch is fenced) and then answers —
// acks=0 gets no answer at all. Every in-sync replica is in this process, so
// acks=all waits for nothing more than acks=1; but as in Kafka, acks=all is
// refused (NOT_ENOUGH_REPLICAS) while the ISR is smaller than the topic's
// min.insync.replicas. A batch the disk cannot take is KAFKA_STORAGE_ERROR.
import { ErrorCode, ProtocolError, splitBatches, verifyBatchCrc, type ProduceRequest, type ProduceResponse } from "../protocol";
import { producerBatchOf } from "../producers/partition-state";
import type { Handler, RequestContext } from "./handler";
import { leaderPartition } from "./partition-access";
import { produce as schema } from "../protocol/schemas/produce";
import { StorageError } from "../storage/storage";

type PartitionResult = ProduceResponse["responses"][number]["partitionResponses"][number];

function failed(index: number, errorCode: number, errorMessage: string | null = null): PartitionResult {
  return { index, errorCode, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n, errorMessage };
}

function appendPartition(ctx: RequestContext, topic: string, index: number, records: Buffer | null, acks: number): PartitionResult {
  const p = leaderPartition(ctx, topic, index, true);
  if (typeof p === "number") return failed(index, p);
  const settings = ctx.state.topicSettings(topic, ctx.nodeId);
  if (acks === -1 && p.isr.length < settings.minInsyncReplicas) {
    return failed(index, ErrorCode.NOT_ENOUGH_REPLICAS, `${p.isr.length} in-sync replicas (${p.isr.join(", ")}), min.insync.replicas is ${settings.minInsyncReplicas}`);
  }
  if (!records || records.length === 0) return failed(index, ErrorCode.CORRUPT_MESSAGE, "the request has no record batch");
  let batches;
  try {
    batches = splitBatches(records);
  } catch (err) {
    if (err instanceof ProtocolError) return failed(index, ErrorCode.CORRUPT_MESSAGE, err.message);
    throw err;
  }
  for (const b of batches) {
    if (b.bytes.length > settings.maxMessageBytes) return failed(index, ErrorCode.MESSAGE_TOO_LARGE, `batch of ${b.bytes.length} bytes exceeds max.message.bytes ${settings.maxMessageBytes}`);
    if (!verifyBatchCrc(b.bytes)) return failed(index, ErrorCode.CORRUPT_MESSAGE, "record batch CRC does not match its contents");
    if (b.header.isControl) return failed(index, ErrorCode.INVALID_RECORD, "clients may not write control batches");
  }
  const log = p.log;
  let first: bigint | undefined;
  for (const b of batches) {
    const verdict = log.producers.check(producerBatchOf(b.header));
    if (verdict.kind === "error") return failed(index, verdict.errorCode, verdict.message);
    let baseOffset: bigint;
    try {
      baseOffset = verdict.kind === "duplicate" ? verdict.baseOffset : log.append(b.bytes);
    } catch (err) {
      if (err instanceof StorageError) return failed(index, ErrorCode.KAFKA_STORAGE_ERROR, err.message);
      throw err;
    }
    first ??= baseOffset;
  }
  return { index, errorCode: ErrorCode.NONE, baseOffset: first!, logAppendTimeMs: -1n, logStartOffset: log.logStartOffset, errorMessage: null };
}

export const produce: Handler = {
  schema,
  handle(ctx, body: ProduceRequest): ProduceResponse | undefined {
    const validAcks = body.acks === 0 || body.acks === 1 || body.acks === -1;
    const responses = body.topicData.map((t) => ({
      name: t.name,
      partitionResponses: t.partitionData.map((d) =>
        validAcks ? appendPartition(ctx, t.name, d.index, d.records, body.acks) : failed(d.index, ErrorCode.INVALID_REQUIRED_ACKS, `acks must be 0, 1 or -1 (got ${body.acks})`),
      ),
    }));
    if (body.acks === 0) return undefined;
    return { responses, throttleTimeMs: 0 };
  },
  silent: (body: ProduceRequest) => body.acks === 0,
};
