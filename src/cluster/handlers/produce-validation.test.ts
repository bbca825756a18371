// Produce validates every batch before anything is appended, as Kafka's
// ProduceRequest.validateRecords, UnifiedLog.analyzeAndValidateRecords and
// LogValidator do: each forged batch below is CRC-valid (so only the check
// named can refuse it), is answered with Kafka's error code and leaves the
// partition exactly as it was.
import { describe, expect, it } from "vitest";
import { encodeRecordBatch, ErrorCode, sealBatch, type NewBatch } from "../protocol";
import { clientOf, coreClusterForThisFile, forgedBatch, produceOne, producePartitions, values } from "../test-support/produce-requests";

const env = coreClusterForThisFile({ brokers: 1 });

let topicNo = 0;
/** A fresh one-partition topic holding the three records a, b, c (offsets 0-2). */
async function topicWithThree(partitions = 1): Promise<string> {
  const topic = `validate-${topicNo++}`;
  env.cluster.state.createTopic(topic, env.cluster.state.planTopic(topic, partitions, 1));
  expect((await produceOne(env.client, topic, 0, encodeRecordBatch(values("a", "b", "c")))).errorCode).toBe(ErrorCode.NONE);
  return topic;
}

const offsetsOf = (topic: string, partition = 0) => env.cluster.records(topic, partition).map((r) => `${r.offset}:${r.value}`);
const highWatermark = (topic: string, partition = 0) => env.cluster.state.partition(topic, partition)!.log.highWatermark;
const three = values("x", "y", "z");

/** A batch whose records carry these offset deltas (re-encoded by hand, CRC intact). */
function withOffsetDeltas(batch: NewBatch, deltas: number[]): Buffer {
  const bytes = encodeRecordBatch(batch);
  // Each record: varint length, int8 attributes, varlong timestamp delta (1 byte: all stamps equal), varint offset delta.
  let pos = 61;
  deltas.forEach((d) => {
    const length = bytes[pos] >> 1; // zigzag, one byte for these small records
    bytes[pos + 3] = d << 1;
    pos += 1 + length;
  });
  return sealBatch(bytes);
}

describe("Produce validates a batch before it is appended", () => {
  const refusals: [string, () => Buffer | null, number, RegExp][] = [
    ["lastOffsetDelta = -3", () => forgedBatch(three, { lastOffsetDelta: -3 }), ErrorCode.INVALID_RECORD, /offset range/],
    ["lastOffsetDelta beyond the record count", () => forgedBatch(three, { lastOffsetDelta: 5 }), ErrorCode.INVALID_RECORD, /count/],
    ["a record count of 0", () => forgedBatch(three, { recordCount: 0, lastOffsetDelta: -1 }), ErrorCode.INVALID_RECORD, /offset range|count/],
    ["a record count larger than the records", () => forgedBatch(three, { recordCount: 4, lastOffsetDelta: 3 }), ErrorCode.INVALID_RECORD, /record/],
    ["a record count smaller than the records", () => forgedBatch(three, { recordCount: 2, lastOffsetDelta: 1 }), ErrorCode.INVALID_RECORD, /record/],
    ["a base offset other than 0", () => forgedBatch(three, { baseOffset: 7n }), ErrorCode.INVALID_RECORD, /base ?offset/i],
    ["magic 1", () => forgedBatch(three, { magic: 1 }), ErrorCode.INVALID_RECORD, /magic/],
    ["an unknown compression codec", () => forgedBatch(three, { attributes: 5 }), ErrorCode.INVALID_RECORD, /compression/],
    ["a control batch", () => forgedBatch(three, { attributes: 0x20 }), ErrorCode.INVALID_RECORD, /control/],
    ["a producer id with sequence -1", () => forgedBatch({ ...three, producerId: 5n, producerEpoch: 0 }, { baseSequence: -1 }), ErrorCode.INVALID_RECORD, /sequence/],
    ["a stored CRC that does not match", () => forgedBatch(three, { crc: 12345 }), ErrorCode.CORRUPT_MESSAGE, /CRC/],
    ["two batches in one partition", () => Buffer.concat([encodeRecordBatch(values("x")), encodeRecordBatch(values("y"))]), ErrorCode.INVALID_RECORD, /one record batch/],
    ["no batch at all", () => Buffer.alloc(0), ErrorCode.INVALID_RECORD, /batch/],
    ["null records", () => null, ErrorCode.INVALID_RECORD, /batch/],
    ["offset deltas 0, 0, 1", () => withOffsetDeltas(three, [0, 0, 1]), ErrorCode.INVALID_RECORD, /offset delta/],
  ];

  it.each(refusals)("refuses %s, appends nothing and keeps the high watermark", async (_name, batch, errorCode, message) => {
    const topic = await topicWithThree();
    const answer = await produceOne(env.client, topic, 0, batch());
    expect(answer.errorCode).toBe(errorCode);
    expect(answer.errorMessage).toMatch(message);
    expect(answer.baseOffset).toBe(-1n);
    expect(highWatermark(topic)).toBe(3n);
    expect(offsetsOf(topic)).toEqual(["0:a", "1:b", "2:c"]);
    // The partition still takes a good batch right after, at the next offset.
    expect((await produceOne(env.client, topic, 0, encodeRecordBatch(values("d")))).baseOffset).toBe(3n);
  });

  it("names the records at fault in recordErrors (Produce v8)", async () => {
    const topic = await topicWithThree();
    const answer = await produceOne(env.client, topic, 0, withOffsetDeltas(three, [0, 2, 2]));
    expect(answer.errorCode).toBe(ErrorCode.INVALID_RECORD);
    expect(answer.recordErrors.map((e) => e.batchIndex)).toEqual([1]);
  });

  it("refuses zstd before Produce v7, as Kafka does (UNSUPPORTED_COMPRESSION_TYPE)", async () => {
    const topic = await topicWithThree();
    const answer = await produceOne(env.client, topic, 0, forgedBatch(three, { attributes: 4 }), { version: 6 });
    expect(answer.errorCode).toBe(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE);
    expect(highWatermark(topic)).toBe(3n);
  });

  it("answers each partition of a request on its own: a bad batch in one does not stop the other", async () => {
    const topic = await topicWithThree(2);
    const answers = await producePartitions(env.client, topic, [
      { index: 0, records: forgedBatch(three, { lastOffsetDelta: -3 }) },
      { index: 1, records: encodeRecordBatch(values("p1")) },
    ]);
    expect(answers.map((a) => a.errorCode)).toEqual([ErrorCode.INVALID_RECORD, ErrorCode.NONE]);
    expect(offsetsOf(topic, 0)).toEqual(["0:a", "1:b", "2:c"]);
    expect(offsetsOf(topic, 1)).toEqual(["0:p1"]);
  });

  it("appends nothing of a partition's records when a later batch of them is refused", async () => {
    const topic = await topicWithThree();
    const producer = { producerId: 1n, producerEpoch: 0 };
    const first = encodeRecordBatch({ ...values("s0"), ...producer, baseSequence: 0 });
    const gap = encodeRecordBatch({ ...values("s9"), ...producer, baseSequence: 9 });
    const answer = await produceOne(env.client, topic, 0, Buffer.concat([first, gap]));
    expect(answer.errorCode).not.toBe(ErrorCode.NONE);
    expect(offsetsOf(topic)).toEqual(["0:a", "1:b", "2:c"]);
  });
});
