// Record batch v2 headers, read and patched in place. The broker stores the
// batches clients send as raw bytes; it only rewrites the base offset, which
// the CRC deliberately does not cover.
//
// Layout (byte offsets): 0 baseOffset i64 · 8 batchLength i32 · 12 partition
// leader epoch i32 · 16 magic i8 · 17 crc u32 (over bytes 21..end) ·
// 21 attributes i16 · 23 lastOffsetDelta i32 · 27 baseTimestamp i64 ·
// 35 maxTimestamp i64 · 43 producerId i64 · 51 producerEpoch i16 ·
// 53 baseSequence i32 · 57 recordCount i32 · 61 records.
import { ProtocolError } from "../errors";
import { crc32c } from "./crc32c";

/** Where each header field starts. */
export const BatchField = {
  baseOffset: 0, batchLength: 8, partitionLeaderEpoch: 12, magic: 16, crc: 17, attributes: 21, lastOffsetDelta: 23,
  baseTimestamp: 27, maxTimestamp: 35, producerId: 43, producerEpoch: 51, baseSequence: 53, recordCount: 57,
} as const;
/** The header's size: records start here. */
export const BATCH_HEADER_BYTES = 61;
/** Bytes before batchLength's count starts: baseOffset + batchLength. */
export const LOG_OVERHEAD = BatchField.partitionLeaderEpoch;
/** The CRC covers everything from the attributes on. */
const CRC_START = BatchField.attributes;
const F = BatchField;

export type BatchHeader = {
  baseOffset: bigint;
  batchLength: number;
  partitionLeaderEpoch: number;
  magic: number;
  crc: number;
  attributes: number;
  /** 0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd. */
  compression: number;
  /** 0 create time, 1 log append time. */
  timestampType: number;
  isTransactional: boolean;
  isControl: boolean;
  lastOffsetDelta: number;
  baseTimestamp: bigint;
  maxTimestamp: bigint;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
};

/** Reads the v2 header of the batch at `offset`. Throws ProtocolError on short input or another magic. */
export function readBatchHeader(buf: Buffer, offset = 0): BatchHeader {
  if (buf.length - offset < BATCH_HEADER_BYTES) {
    if (buf.length - offset > F.magic && buf[offset + F.magic] !== 2) {
      throw new ProtocolError("malformed", `record batch magic ${buf[offset + F.magic]} is not supported (only v2 batches)`);
    }
    throw new ProtocolError("malformed", "truncated record batch header");
  }
  const magic = buf.readInt8(offset + F.magic);
  if (magic !== 2) throw new ProtocolError("malformed", `record batch magic ${magic} is not supported (only v2 batches)`);
  const attributes = buf.readInt16BE(offset + F.attributes);
  return {
    baseOffset: buf.readBigInt64BE(offset + F.baseOffset),
    batchLength: buf.readInt32BE(offset + F.batchLength),
    partitionLeaderEpoch: buf.readInt32BE(offset + F.partitionLeaderEpoch),
    magic,
    crc: buf.readUInt32BE(offset + F.crc),
    attributes,
    compression: attributes & 0x07,
    timestampType: (attributes >> 3) & 1,
    isTransactional: (attributes & 0x10) !== 0,
    isControl: (attributes & 0x20) !== 0,
    lastOffsetDelta: buf.readInt32BE(offset + F.lastOffsetDelta),
    baseTimestamp: buf.readBigInt64BE(offset + F.baseTimestamp),
    maxTimestamp: buf.readBigInt64BE(offset + F.maxTimestamp),
    producerId: buf.readBigInt64BE(offset + F.producerId),
    producerEpoch: buf.readInt16BE(offset + F.producerEpoch),
    baseSequence: buf.readInt32BE(offset + F.baseSequence),
    recordCount: buf.readInt32BE(offset + F.recordCount),
  };
}

/** Splits a `records` field into its batches (views into `records`, no copies). */
export function splitBatches(records: Buffer): { header: BatchHeader; bytes: Buffer }[] {
  const out: { header: BatchHeader; bytes: Buffer }[] = [];
  let pos = 0;
  while (pos < records.length) {
    if (records.length - pos < LOG_OVERHEAD) throw new ProtocolError("malformed", "truncated record batch");
    const batchLength = records.readInt32BE(pos + F.batchLength);
    const size = LOG_OVERHEAD + batchLength;
    if (batchLength < BATCH_HEADER_BYTES - LOG_OVERHEAD || size > records.length - pos) {
      throw new ProtocolError("malformed", `record batch of ${batchLength} bytes does not fit in the ${records.length - pos} bytes left`);
    }
    const bytes = records.subarray(pos, pos + size);
    out.push({ header: readBatchHeader(bytes), bytes });
    pos += size;
  }
  return out;
}

/** Whether the batch's stored CRC-32C matches its contents. */
export function verifyBatchCrc(bytes: Buffer): boolean {
  return bytes.length >= BATCH_HEADER_BYTES && bytes.readUInt32BE(F.crc) === crc32c(bytes, CRC_START, bytes.length);
}

/** Recomputes the batch's CRC-32C in place, after a change to the bytes it covers (attributes onwards). */
export function sealBatch(bytes: Buffer): Buffer {
  bytes.writeUInt32BE(crc32c(bytes, CRC_START, bytes.length), F.crc);
  return bytes;
}

/** Rewrites the batch's base offset in place (the CRC does not cover it). */
export function setBaseOffset(bytes: Buffer, offset: bigint): void {
  bytes.writeBigInt64BE(offset, F.baseOffset);
}
