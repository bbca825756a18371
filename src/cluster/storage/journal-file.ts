import * as fs from "node:fs";
import * as path from "node:path";
import { crc32 } from "node:zlib";
import { decodeJournalRecord, encodeJournalRecord, type Journal } from "../coordination/journal";

/**
 * A journal as an append-only file of JSON records, each framed as
 * `[u32 length][u32 crc32][json]` (big-endian). Every append is one write(2)
 * before the caller answers its client, so a kill -9 never loses an
 * acknowledged record (the page cache survives the process); a torn or
 * corrupt tail (power loss, disk trouble) fails its checksum and is cut off
 * on open, so a record is either wholly there or not at all.
 * `compact` rewrites the file from a fresh snapshot with write-to-temp + fsync + rename.
 */
export function openJournalFile(file: string): Journal {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const data = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
  const records: unknown[] = [];
  let pos = 0;
  while (pos + 8 <= data.length) {
    const length = data.readUInt32BE(pos);
    const sum = data.readUInt32BE(pos + 4);
    const end = pos + 8 + length;
    if (end > data.length || crc32(data.subarray(pos + 8, end)) !== sum) break;
    records.push(decodeJournalRecord(data.subarray(pos + 8, end).toString("utf8")));
    pos = end;
  }
  if (pos < data.length) fs.truncateSync(file, pos); // drop the torn tail so later appends follow good data
  let fd = fs.openSync(file, "a");
  let appendsSinceCompact = 0;
  return {
    records,
    append(record) {
      fs.writeSync(fd, frame(record));
      return ++appendsSinceCompact;
    },
    compact(live) {
      const temp = `${file}.tmp`;
      const tempFd = fs.openSync(temp, "w");
      try {
        fs.writeSync(tempFd, Buffer.concat(live.map(frame)));
        fs.fsyncSync(tempFd);
      } finally {
        fs.closeSync(tempFd);
      }
      fs.closeSync(fd);
      fs.renameSync(temp, file);
      fd = fs.openSync(file, "a");
      appendsSinceCompact = 0;
    },
    close() {
      fs.closeSync(fd);
    },
  };
}

function frame(record: unknown): Buffer {
  const body = Buffer.from(encodeJournalRecord(record), "utf8");
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.writeUInt32BE(crc32(body), 4);
  return Buffer.concat([head, body]);
}
