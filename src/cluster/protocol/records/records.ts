// The records inside a v2 batch, for the places that look inside one: the
// validation of a produced batch, ListOffsets by timestamp, inspection
// helpers, transaction markers. Fetch moves whole batches without decoding.
import { ProtocolError } from "../errors";
import { Reader, Writer } from "../primitives";
import { BATCH_HEADER_BYTES, BatchField as F, LOG_OVERHEAD, readBatchHeader, sealBatch, type BatchHeader } from "./batch";
import { decompress } from "./compression";

export type RecordHeader = { key: string; value: Buffer | null };

/** One record of a batch, decoded (named so as not to shadow TypeScript's `Record`). */
export type DecodedRecord = {
  offset: bigint;
  timestamp: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
};

/** One record as stored: its offset and timestamp are deltas from the batch header's base. */
export type StoredRecord = {
  timestampDelta: bigint;
  offsetDelta: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
};

/** A batch's record bytes, decompressed when the batch is compressed (see ./compression.ts). */
export function recordsPayload(bytes: Buffer, header: BatchHeader = readBatchHeader(bytes)): Buffer {
  return decompress(header.compression, bytes.subarray(BATCH_HEADER_BYTES, LOG_OVERHEAD + header.batchLength));
}

/**
 * Reads the record at the reader's position, strictly as Kafka's
 * DefaultRecord.readFrom does: its fields must fill exactly the length it
 * declares, and header keys may not be null. Throws ProtocolError otherwise.
 */
export function readRecord(r: Reader): StoredRecord {
  const length = r.varint();
  const end = r.pos + length;
  if (length < 0 || end > r.end) throw new ProtocolError("malformed", `a record declares ${length} bytes, more than its batch holds`);
  r.int8(); // attributes: unused in v2
  const timestampDelta = r.varlong();
  const offsetDelta = r.varint();
  const key = varBytes(r);
  const value = varBytes(r);
  const headerCount = r.varint();
  if (headerCount < 0 || headerCount > end - r.pos) throw new ProtocolError("malformed", `a record declares ${headerCount} headers`);
  const headers: RecordHeader[] = [];
  for (let j = 0; j < headerCount; j++) {
    const k = varBytes(r);
    if (k === null) throw new ProtocolError("malformed", "a record header has a null key");
    headers.push({ key: k.toString("utf8"), value: varBytes(r) });
  }
  if (r.pos !== end) throw new ProtocolError("malformed", `a record's fields take ${r.pos - end + length} bytes, not the ${length} it declares`);
  return { timestampDelta, offsetDelta, key, value, headers };
}

/** Decodes every record of one batch, whatever its codec. */
export function decodeRecords(bytes: Buffer): DecodedRecord[] {
  const h = readBatchHeader(bytes);
  const r = new Reader(recordsPayload(bytes, h));
  const out: DecodedRecord[] = [];
  for (let i = 0; i < h.recordCount && r.remaining > 0; i++) {
    const { timestampDelta, offsetDelta, key, value, headers } = readRecord(r);
    out.push({ offset: h.baseOffset + BigInt(offsetDelta), timestamp: h.baseTimestamp + timestampDelta, key, value, headers });
  }
  return out;
}

function varBytes(r: Reader): Buffer | null {
  const n = r.varint();
  if (n < 0) return null;
  return r.bytesOf(n, "record field");
}

export type NewRecord = {
  key?: Buffer | string | null;
  value?: Buffer | string | null;
  timestamp?: bigint | number;
  headers?: { key: string; value: Buffer | string | null }[];
};

export type NewBatch = {
  baseOffset?: bigint;
  producerId?: bigint;
  producerEpoch?: number;
  baseSequence?: number;
  isTransactional?: boolean;
  isControl?: boolean;
  partitionLeaderEpoch?: number;
  records: NewRecord[];
};

const asBuffer = (v: Buffer | string | null | undefined): Buffer | null =>
  v === null || v === undefined ? null : typeof v === "string" ? Buffer.from(v, "utf8") : v;

/** Encodes an uncompressed v2 batch with a correct CRC-32C. */
export function encodeRecordBatch(batch: NewBatch): Buffer {
  if (batch.records.length === 0) throw new RangeError("a record batch needs at least one record");
  const now = BigInt(Date.now());
  const stamps = batch.records.map((r) => (r.timestamp === undefined ? now : BigInt(r.timestamp)));
  const base = stamps.reduce((a, b) => (b < a ? b : a));
  const max = stamps.reduce((a, b) => (b > a ? b : a));
  const w = new Writer(256);
  w.raw(Buffer.alloc(BATCH_HEADER_BYTES)); // header, written below
  batch.records.forEach((rec, i) => {
    const inner = new Writer(64);
    inner.int8(0);
    inner.varlong(stamps[i] - base);
    inner.varint(i);
    writeVarBytes(inner, asBuffer(rec.key));
    writeVarBytes(inner, asBuffer(rec.value));
    const headers = rec.headers ?? [];
    inner.varint(headers.length);
    for (const hd of headers) {
      writeVarBytes(inner, Buffer.from(hd.key, "utf8"));
      writeVarBytes(inner, asBuffer(hd.value));
    }
    const bytes = inner.finish();
    w.varint(bytes.length);
    w.raw(bytes);
  });
  const out = Buffer.from(w.finish());
  let attributes = 0;
  if (batch.isTransactional) attributes |= 0x10;
  if (batch.isControl) attributes |= 0x20;
  out.writeBigInt64BE(batch.baseOffset ?? 0n, F.baseOffset);
  out.writeInt32BE(out.length - LOG_OVERHEAD, F.batchLength);
  out.writeInt32BE(batch.partitionLeaderEpoch ?? -1, F.partitionLeaderEpoch);
  out.writeInt8(2, F.magic);
  out.writeInt16BE(attributes, F.attributes);
  out.writeInt32BE(batch.records.length - 1, F.lastOffsetDelta);
  out.writeBigInt64BE(base, F.baseTimestamp);
  out.writeBigInt64BE(max, F.maxTimestamp);
  out.writeBigInt64BE(batch.producerId ?? -1n, F.producerId);
  out.writeInt16BE(batch.producerEpoch ?? -1, F.producerEpoch);
  out.writeInt32BE(batch.baseSequence ?? -1, F.baseSequence);
  out.writeInt32BE(batch.records.length, F.recordCount);
  return sealBatch(out);
}

function writeVarBytes(w: Writer, b: Buffer | null): void {
  if (b === null) return w.varint(-1);
  w.varint(b.length);
  w.raw(b);
}

/**
 * A transaction marker: a control batch holding one record whose key is
 * (int16 version 0, int16 type: 0 abort, 1 commit) and whose value is
 * (int16 version 0, int32 coordinator epoch), as Kafka writes them.
 */
export function encodeControlRecord(marker: { commit: boolean; producerId: bigint; producerEpoch: number; coordinatorEpoch?: number; baseOffset?: bigint; timestamp?: bigint | number }): Buffer {
  const key = Buffer.alloc(4);
  key.writeInt16BE(0, 0);
  key.writeInt16BE(marker.commit ? 1 : 0, 2);
  const value = Buffer.alloc(6);
  value.writeInt16BE(0, 0);
  value.writeInt32BE(marker.coordinatorEpoch ?? 0, 2);
  return encodeRecordBatch({
    baseOffset: marker.baseOffset,
    producerId: marker.producerId,
    producerEpoch: marker.producerEpoch,
    baseSequence: -1,
    isTransactional: true,
    isControl: true,
    records: [{ key, value, timestamp: marker.timestamp }],
  });
}

/**
 * The marker a control batch carries: its single record's key is (int16
 * version, int16 type) with type 0 = abort, 1 = commit (Kafka's
 * ControlRecordType). Control batches are never compressed. Undefined when
 * the batch holds no such record.
 */
export function controlMarkerOf(batch: Buffer): "commit" | "abort" | undefined {
  try {
    const r = new Reader(batch, BATCH_HEADER_BYTES);
    r.varint(); // record length
    r.int8(); // attributes
    r.varlong(); // timestamp delta
    r.varint(); // offset delta
    const key = varBytes(r);
    if (!key || key.length < 4) return undefined;
    const type = key.readInt16BE(2);
    return type === 1 ? "commit" : type === 0 ? "abort" : undefined;
  } catch (err) {
    if (err instanceof ProtocolError) return undefined;
    throw err;
  }
}
