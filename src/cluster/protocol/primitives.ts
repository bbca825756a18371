// Bounds-checked reads and growable writes of Kafka's primitive types. Every
// length read from the wire is checked against the bytes that remain before
// anything is allocated, so a hostile frame can neither crash nor balloon us.
import { ProtocolError } from "./errors";

function truncated(what: string): never {
  throw new ProtocolError("malformed", `truncated ${what}`);
}

/** Reads Kafka primitives from one frame. Byte and record fields are views into the frame, not copies. */
export class Reader {
  pos: number;
  constructor(readonly buf: Buffer, start = 0, readonly end = buf.length) {
    this.pos = start;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number, what: string): number {
    const at = this.pos;
    if (n > this.end - at) truncated(what);
    this.pos = at + n;
    return at;
  }

  int8(): number { return this.buf.readInt8(this.need(1, "int8")); }
  int16(): number { return this.buf.readInt16BE(this.need(2, "int16")); }
  uint16(): number { return this.buf.readUInt16BE(this.need(2, "uint16")); }
  int32(): number { return this.buf.readInt32BE(this.need(4, "int32")); }
  int64(): bigint { return this.buf.readBigInt64BE(this.need(8, "int64")); }
  float64(): number { return this.buf.readDoubleBE(this.need(8, "float64")); }
  bool(): boolean { return this.buf[this.need(1, "bool")] !== 0; }
  uuid(): Buffer { const at = this.need(16, "uuid"); return this.buf.subarray(at, at + 16); }

  /** Unsigned LEB128, as Kafka's flexible versions use for lengths and tags (at most 5 bytes). */
  uvarint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.buf[this.need(1, "varint")];
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) {
        if (value > 0xffffffff) break;
        return value;
      }
    }
    throw new ProtocolError("malformed", "varint longer than 32 bits");
  }

  /** Zig-zag signed varint (record fields). */
  varint(): number {
    const u = this.uvarint();
    return (u & 1) === 0 ? u / 2 : -(u + 1) / 2;
  }

  /** Zig-zag signed varlong (record timestamp deltas), at most 10 bytes. */
  varlong(): bigint {
    let value = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = this.buf[this.need(1, "varlong")];
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return (value >> 1n) ^ -(value & 1n);
    }
    throw new ProtocolError("malformed", "varlong longer than 64 bits");
  }

  bytesOf(n: number, what: string): Buffer {
    const at = this.need(n, what);
    return this.buf.subarray(at, at + n);
  }

  /** A length prefix: int16/int32 when classic, uvarint-minus-one when compact; -1 means null. */
  length(compact: boolean, wide: boolean): number {
    const n = compact ? this.uvarint() - 1 : wide ? this.int32() : this.int16();
    if (n < -1) throw new ProtocolError("malformed", `negative length ${n}`);
    return n;
  }

  string(compact: boolean): string | null {
    const n = this.length(compact, false);
    return n === -1 ? null : this.bytesOf(n, "string").toString("utf8");
  }

  bytes(compact: boolean): Buffer | null {
    const n = this.length(compact, true);
    return n === -1 ? null : this.bytesOf(n, "bytes");
  }

  /** An array count, checked against the bytes left (each element takes at least one byte). */
  count(compact: boolean): number {
    const n = this.length(compact, true);
    if (n > this.remaining) truncated(`array of ${n} elements`);
    return n;
  }
}

const MIN_CHUNK = 256;
/** Buffers at least this big are referenced, not copied, until the final concat. */
const BIG = 1024;

/** Writes Kafka primitives into a growing list of chunks; `finish` joins them once. */
export class Writer {
  private parts: Buffer[] = [];
  private cur: Buffer;
  private pos = 0;
  private flushedBytes = 0;

  constructor(sizeHint = 1024) {
    this.cur = Buffer.allocUnsafe(Math.max(MIN_CHUNK, sizeHint));
  }

  get length(): number {
    return this.flushedBytes + this.pos;
  }

  private room(n: number): number {
    if (this.cur.length - this.pos < n) {
      this.flush();
      this.cur = Buffer.allocUnsafe(Math.max(n, this.cur.length * 2));
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  private flush(): void {
    if (this.pos > 0) {
      this.parts.push(this.cur.subarray(0, this.pos));
      this.flushedBytes += this.pos;
      this.cur = this.cur.subarray(this.pos);
      this.pos = 0;
    }
  }

  // room() may swap in a new chunk, so it must run before `this.cur` is read.
  int8(v: number): void { const at = this.room(1); this.cur.writeInt8(v, at); }
  int16(v: number): void { const at = this.room(2); this.cur.writeInt16BE(v, at); }
  uint16(v: number): void { const at = this.room(2); this.cur.writeUInt16BE(v, at); }
  int32(v: number): void { const at = this.room(4); this.cur.writeInt32BE(v, at); }
  int64(v: bigint): void { const at = this.room(8); this.cur.writeBigInt64BE(BigInt.asIntN(64, v), at); }
  float64(v: number): void { const at = this.room(8); this.cur.writeDoubleBE(v, at); }
  bool(v: boolean): void { const at = this.room(1); this.cur[at] = v ? 1 : 0; }

  uvarint(v: number): void {
    do {
      let byte = v % 128;
      v = Math.floor(v / 128);
      if (v > 0) byte |= 0x80;
      const at = this.room(1);
      this.cur[at] = byte;
    } while (v > 0);
  }

  varint(v: number): void {
    this.uvarint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  varlong(v: bigint): void {
    let u = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
    do {
      let byte = Number(u & 0x7fn);
      u >>= 7n;
      if (u > 0n) byte |= 0x80;
      const at = this.room(1);
      this.cur[at] = byte;
    } while (u > 0n);
  }

  raw(b: Uint8Array): void {
    if (b.length >= BIG) {
      this.flush();
      this.parts.push(Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length));
      this.flushedBytes += b.length;
      return;
    }
    const at = this.room(b.length);
    this.cur.set(b, at);
  }

  length_(compact: boolean, wide: boolean, n: number): void {
    if (compact) this.uvarint(n + 1);
    else if (wide) this.int32(n);
    else this.int16(n);
  }

  string(v: string | null, compact: boolean): void {
    if (v === null) return this.length_(compact, false, -1);
    const b = Buffer.from(v, "utf8");
    this.length_(compact, false, b.length);
    this.raw(b);
  }

  bytes(v: Uint8Array | null, compact: boolean): void {
    if (v === null) return this.length_(compact, true, -1);
    this.length_(compact, true, v.length);
    this.raw(v);
  }

  /**
   * The written bytes as one Buffer whose first four bytes (written by the
   * caller as a placeholder) hold the size of the rest: a Kafka frame.
   */
  finishFrame(): Buffer {
    const frame = this.finish();
    frame.writeInt32BE(frame.length - 4, 0);
    return frame;
  }

  /** The written bytes as one Buffer. */
  finish(): Buffer {
    this.flush();
    return this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.flushedBytes);
  }
}
