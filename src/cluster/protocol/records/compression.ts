// Decompression of record batch payloads: the broker stores batches as sent,
// but validating one (its records must match its header) and the inspection
// helpers need the records. Codec ids are Kafka's (CompressionType.java): 1
// gzip, 2 snappy (raw, as librdkafka and kafkajs-snappy write it, or in the
// Java client's xerial framing), 3 lz4 (the LZ4 frame format), 4 zstd. Every
// codec here is pure JavaScript (the cluster core also runs in a browser),
// and each stops at `limit` bytes so a small hostile batch cannot inflate
// into gigabytes.
import { Gunzip } from "fflate";
import { Decompress as ZstdDecompress } from "fzstd";
import { decompressBound as lz4Bound, decompressFrame as lz4Frame } from "lz4js";
import { SnappyDecompressor } from "snappyjs/snappy_decompressor";
import { ProtocolError } from "../errors";

/** Kafka's codec names by id; ids past the end are unknown codecs. */
export const CODEC_NAMES = ["none", "gzip", "snappy", "lz4", "zstd"] as const;

/** The most a batch may decompress to here (Kafka has no such bound; a fuzzer taught us to have one). */
export const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

/** Streaming codecs get their input in slices this big, so the output is checked against the limit as it grows. */
const SLICE = 64 * 1024;

/** The Java client's snappy framing (xerial SnappyOutputStream): this magic, two int32 versions, then length-prefixed blocks. */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_BYTES = 16;
/** An LZ4 frame's magic number (little-endian on the wire). */
const LZ4_MAGIC = 0x184d2204;

/** Decompresses a batch payload compressed with `codec`; throws ProtocolError when it is not valid or exceeds `limit`. */
export function decompress(codec: number, payload: Buffer, limit = MAX_DECOMPRESSED_BYTES): Buffer {
  const name = CODEC_NAMES[codec];
  if (codec === 0) return payload;
  if (name === undefined) throw new ProtocolError("malformed", `unknown compression codec ${codec}`);
  try {
    if (codec === 1) return streamed((onData) => new Gunzip((d) => onData(d)), payload, limit);
    if (codec === 2) return snappy(payload, limit);
    if (codec === 3) return lz4(payload, limit);
    return streamed((onData) => new ZstdDecompress((d) => onData(d)), payload, limit);
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError("malformed", `the ${name} payload does not decompress: ${(err as Error).message}`);
  }
}

function tooLarge(limit: number): ProtocolError {
  return new ProtocolError("malformed", `the payload decompresses to more than ${limit} bytes`);
}

/** Runs a push-style decompressor over the payload in slices, collecting its output up to `limit`. */
function streamed(open: (onData: (chunk: Uint8Array) => void) => { push(chunk: Uint8Array, final?: boolean): void }, payload: Buffer, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = open((chunk) => {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(Buffer.from(chunk));
  });
  if (payload.length === 0) throw new ProtocolError("malformed", "the compressed payload is empty");
  for (let at = 0; at < payload.length; at += SLICE) stream.push(payload.subarray(at, at + SLICE), at + SLICE >= payload.length);
  return Buffer.concat(chunks, size);
}

function snappy(payload: Buffer, limit: number): Buffer {
  if (payload.length < XERIAL_HEADER_BYTES || !payload.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC)) {
    return snappyBlock(payload, limit);
  }
  const blocks: Buffer[] = [];
  let size = 0;
  for (let at = XERIAL_HEADER_BYTES; at < payload.length;) {
    if (payload.length - at < 4) throw new ProtocolError("malformed", "truncated xerial snappy block length");
    const length = payload.readInt32BE(at);
    if (length < 0 || length > payload.length - at - 4) throw new ProtocolError("malformed", "xerial snappy block runs past the payload");
    const block = snappyBlock(payload.subarray(at + 4, at + 4 + length), limit - size);
    size += block.length;
    blocks.push(block);
    at += 4 + length;
  }
  return Buffer.concat(blocks, size);
}

/**
 * Checks that an LZ4 frame's blocks lie within the payload (lz4js reads past
 * the end as zeros): magic, flags, block sizes, end mark and checksums, as the
 * LZ4 frame format lays them out.
 */
function checkLz4Frame(payload: Buffer): void {
  const bad = (why: string) => new ProtocolError("malformed", `the lz4 frame is ${why}`);
  if (payload.length < 7 || payload.readUInt32LE(0) !== LZ4_MAGIC) throw bad("missing its magic number");
  const flags = payload[4];
  let at = 6 + ((flags & 0x08) !== 0 ? 8 : 0) + 1;
  const blockChecksums = (flags & 0x10) !== 0 ? 4 : 0;
  for (;;) {
    if (payload.length - at < 4) throw bad("cut short");
    const size = payload.readUInt32LE(at) & 0x7fffffff;
    at += 4;
    if (size === 0) break;
    at += size + blockChecksums;
    if (at > payload.length) throw bad("cut short");
  }
  if (at + ((flags & 0x04) !== 0 ? 4 : 0) > payload.length) throw bad("missing its checksum");
}

function lz4(payload: Buffer, limit: number): Buffer {
  checkLz4Frame(payload);
  const bound = lz4Bound(payload);
  if (!Number.isSafeInteger(bound) || bound < 0) throw new ProtocolError("malformed", "the lz4 frame declares an impossible size");
  if (bound > limit) throw tooLarge(limit);
  const out = Buffer.alloc(bound);
  const written = lz4Frame(payload, out);
  if (!(written >= 0 && written <= bound)) throw new ProtocolError("malformed", "the lz4 frame does not decompress");
  return out.subarray(0, written);
}

/** One raw Snappy block, its declared length checked against `limit` before anything is allocated. */
function snappyBlock(block: Buffer, limit: number): Buffer {
  const d = new SnappyDecompressor(block);
  const length = d.readUncompressedLength();
  if (length < 0) throw new ProtocolError("malformed", "the snappy block has an invalid length prefix");
  if (length > limit) throw tooLarge(limit);
  const out = Buffer.alloc(length);
  if (!d.uncompressToBuffer(out)) throw new ProtocolError("malformed", "the snappy block does not decompress");
  return out;
}
