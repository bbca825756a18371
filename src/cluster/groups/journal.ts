import * as fs from "node:fs";
import * as path from "node:path";
import { crc32 } from "node:zlib";

/**
 * An append-only file of JSON records, each framed as
 * `[u32 length][u32 crc32][json]` (big-endian). Every append is one write(2)
 * before the caller answers its client, so a kill -9 never loses an
 * acknowledged record (the page cache survives the process); a torn or
 * corrupt tail (power loss, disk trouble) fails its checksum and is cut off
 * on open, so a record is either wholly there or not at all.
 * `compact` rewrites the file from a fresh snapshot with write-to-temp + fsync + rename.
 */
export class Journal {
  private fd: number;
  private appendsSinceCompact = 0;

  private constructor(private readonly file: string, fd: number, readonly records: unknown[]) {
    this.fd = fd;
  }

  /** Opens (creating if needed) and reads back every intact record. */
  static open(file: string): Journal {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const data = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
    const records: unknown[] = [];
    let pos = 0;
    while (pos + 8 <= data.length) {
      const length = data.readUInt32BE(pos);
      const sum = data.readUInt32BE(pos + 4);
      const end = pos + 8 + length;
      if (end > data.length || crc32(data.subarray(pos + 8, end)) !== sum) break;
      records.push(decode(data.subarray(pos + 8, end).toString("utf8")));
      pos = end;
    }
    if (pos < data.length) fs.truncateSync(file, pos); // drop the torn tail so later appends follow good data
    const fd = fs.openSync(file, "a");
    return new Journal(file, fd, records);
  }

  /** Appends one record; returns how many appends happened since the last compaction. */
  append(record: unknown): number {
    fs.writeSync(this.fd, frame(record));
    return ++this.appendsSinceCompact;
  }

  /** Replaces the whole file with `records` (the live state), atomically. */
  compact(records: unknown[]): void {
    const temp = `${this.file}.tmp`;
    const fd = fs.openSync(temp, "w");
    try {
      fs.writeSync(fd, Buffer.concat(records.map(frame)));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.closeSync(this.fd);
    fs.renameSync(temp, this.file);
    this.fd = fs.openSync(this.file, "a");
    this.appendsSinceCompact = 0;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

function frame(record: unknown): Buffer {
  const body = Buffer.from(encode(record), "utf8");
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.writeUInt32BE(crc32(body), 4);
  return Buffer.concat([head, body]);
}

/** JSON that keeps bigints (offsets) and Buffers (group metadata) intact. */
export function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    if (Buffer.isBuffer(raw)) return { $b64: raw.toString("base64") };
    if (typeof raw === "bigint") return { $big: raw.toString() };
    return v;
  });
}

export function decode(text: string): unknown {
  return JSON.parse(text, (_key, v) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      if (typeof v.$b64 === "string") return Buffer.from(v.$b64, "base64");
      if (typeof v.$big === "string") return BigInt(v.$big);
    }
    return v;
  });
}
