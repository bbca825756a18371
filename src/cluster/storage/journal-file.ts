import * as fs from "node:fs";
import * as path from "node:path";
import { crc32 } from "node:zlib";
import { decodeJournalRecord, encodeJournalRecord, type Journal } from "../coordination/journal";
import { AppendOnlyFile, writeFully, type FileIo } from "./append-file";
import { StorageError } from "./storage";
import { readIntact, type RecordAt } from "./torn-tail";

const HEADER = 8;

const recordAt = (data: Buffer): RecordAt => (pos) => {
  if (data.length - pos < HEADER) return undefined;
  const end = pos + HEADER + data.readUInt32BE(pos);
  return { end, ok: end <= data.length && crc32(data.subarray(pos + HEADER, end)) === data.readUInt32BE(pos + 4) };
};

/**
 * A journal as an append-only file of JSON records, each framed as
 * `[u32 length][u32 crc32][json]` (big-endian). Every append is written whole
 * before the caller answers its client, so a kill -9 never loses an
 * acknowledged record (the page cache survives the process); a torn tail
 * (a crash mid-write) fails its checksum and is cut off on open, so a record
 * is either wholly there or not at all. A bad record before the end is
 * damage: the start is refused and the file left as it is.
 * `compact` rewrites the file from a fresh snapshot with write-to-temp + fsync + rename.
 */
export function openJournalFile(file: string, io: FileIo = fs): Journal {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (err) {
    throw new StorageError(`cannot create ${path.dirname(file)} (${(err as NodeJS.ErrnoException).code}); check the data directory`);
  }
  const data = readIntact(file, recordAt);
  const records: unknown[] = [];
  for (let pos = 0; pos < data.length; pos = recordAt(data)(pos)!.end) {
    const { end } = recordAt(data)(pos)!;
    try {
      records.push(decodeJournalRecord(data.subarray(pos + HEADER, end).toString("utf8")));
    } catch {
      throw new StorageError(`${file} is damaged at byte ${pos} (a record that is not JSON); move the file away or restore it from a backup, then start again`);
    }
  }
  let out = new AppendOnlyFile(file, io);
  let appendsSinceCompact = 0;
  return {
    records,
    append(record) {
      out.append(frame(record));
      return ++appendsSinceCompact;
    },
    compact(live) {
      const temp = `${file}.tmp`;
      const tempFd = fs.openSync(temp, "w");
      try {
        writeFully(io, tempFd, Buffer.concat(live.map(frame)));
        fs.fsyncSync(tempFd);
      } finally {
        fs.closeSync(tempFd);
      }
      out.close();
      fs.renameSync(temp, file);
      out = new AppendOnlyFile(file, io);
      appendsSinceCompact = 0;
    },
    close() {
      out.close();
    },
  };
}

function frame(record: unknown): Buffer {
  const body = Buffer.from(encodeJournalRecord(record), "utf8");
  const head = Buffer.alloc(HEADER);
  head.writeUInt32BE(body.length, 0);
  head.writeUInt32BE(crc32(body), 4);
  return Buffer.concat([head, body]);
}
