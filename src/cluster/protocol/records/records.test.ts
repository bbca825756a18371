import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ProtocolError } from "../errors";
import { crc32c } from "./crc32c";
import { readBatchHeader, setBaseOffset, splitBatches, verifyBatchCrc } from "./batch";
import { decodeRecords, encodeControlRecord, encodeRecordBatch } from "./records";

describe("record batches v2", () => {
  it("computes CRC-32C check values", () => {
    expect(crc32c(Buffer.from("123456789"))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32))).toBe(0x8a9136aa); // RFC 3720 B.4: 32 zero bytes
    expect(crc32c(Buffer.alloc(0))).toBe(0);
  });

  it("encodes and decodes keys, values, nulls, headers and timestamps", () => {
    const batch = encodeRecordBatch({
      baseOffset: 100n, producerId: 7n, producerEpoch: 1, baseSequence: 4, isTransactional: true,
      records: [
        { key: "user1", value: "message1", timestamp: 1000, headers: [{ key: "h", value: "x" }] },
        { key: null, value: null, timestamp: 1005 },
        { key: "ключ", value: Buffer.from([0, 255]), timestamp: 999 },
      ],
    });
    expect(verifyBatchCrc(batch)).toBe(true);
    expect(readBatchHeader(batch)).toMatchObject({
      baseOffset: 100n, lastOffsetDelta: 2, recordCount: 3, producerId: 7n, producerEpoch: 1, baseSequence: 4,
      isTransactional: true, isControl: false, baseTimestamp: 999n, maxTimestamp: 1005n, compression: 0,
    });
    const records = decodeRecords(batch);
    expect(records.map((r) => r.offset)).toEqual([100n, 101n, 102n]);
    expect(records.map((r) => r.timestamp)).toEqual([1000n, 1005n, 999n]);
    expect(records[0].headers).toEqual([{ key: "h", value: Buffer.from("x") }]);
    expect(records[1]).toMatchObject({ key: null, value: null });
    expect(records[2].key!.toString()).toBe("ключ");
  });

  it("moves a batch to a new base offset without breaking its CRC", () => {
    const batch = encodeRecordBatch({ records: [{ value: "a" }, { value: "b" }] });
    setBaseOffset(batch, 5000n);
    expect(verifyBatchCrc(batch)).toBe(true);
    expect(decodeRecords(batch).map((r) => r.offset)).toEqual([5000n, 5001n]);
    batch[batch.length - 1] ^= 1;
    expect(verifyBatchCrc(batch)).toBe(false);
  });

  it("decodes gzip-compressed batches", () => {
    const plain = encodeRecordBatch({ records: [{ key: "k", value: "v".repeat(50) }] });
    const compressed = Buffer.concat([plain.subarray(0, 61), gzipSync(plain.subarray(61))]);
    compressed.writeInt32BE(compressed.length - 12, 8);
    compressed.writeInt16BE(1, 21);
    expect(decodeRecords(compressed)[0].value!.toString()).toBe("v".repeat(50));
  });

  it("writes transaction markers as control batches", () => {
    const commit = encodeControlRecord({ commit: true, producerId: 3n, producerEpoch: 2 });
    const header = readBatchHeader(commit);
    expect(header).toMatchObject({ isControl: true, isTransactional: true, producerId: 3n, producerEpoch: 2, recordCount: 1 });
    expect(decodeRecords(commit)[0].key!.readInt16BE(2)).toBe(1);
    expect(decodeRecords(encodeControlRecord({ commit: false, producerId: 3n, producerEpoch: 2 }))[0].key!.readInt16BE(2)).toBe(0);
  });

  it("splits concatenated batches and rejects truncated or foreign ones", () => {
    const a = encodeRecordBatch({ records: [{ value: "a" }] });
    const b = encodeRecordBatch({ records: [{ value: "b" }, { value: "c" }] });
    const both = Buffer.concat([a, b]);
    expect(splitBatches(both).map((x) => x.header.recordCount)).toEqual([1, 2]);
    for (let cut = 1; cut < both.length; cut++) {
      if (cut === a.length) continue;
      expect(() => splitBatches(both.subarray(0, cut)), `cut ${cut}`).toThrow(ProtocolError);
    }
    const legacy = Buffer.from(a);
    legacy[16] = 1;
    expect(() => splitBatches(legacy)).toThrow(/magic 1/);
  });
});
