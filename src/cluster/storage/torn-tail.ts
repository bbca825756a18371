// Reading back a file of checksummed records (a log segment, a journal),
// telling a crash from damage. A crash mid-write leaves a torn tail — a last
// record cut short or failing its checksum, or zeros a power loss left — which
// is cut off, as Kafka's log recovery does. A bad record with good data after
// it is damage: the file is left exactly as it is and the start refused.
import * as fs from "node:fs";
import { StorageError } from "./storage";

/** Where the record at `pos` ends and whether its checksum holds; undefined when not even its header fits. */
export type RecordAt = (pos: number) => { end: number; ok: boolean } | undefined;

/**
 * The length of the intact records at the start of `data`; throws
 * StorageError when a record before the end is bad. `tornTailAllowed` is
 * false for files that were complete before the last one was written
 * (older segments): any bad record there is damage.
 */
export function intactLength(data: Buffer, file: string, recordAt: RecordAt, tornTailAllowed = true): number {
  let pos = 0;
  while (pos < data.length) {
    const record = recordAt(pos);
    const rest = data.subarray(pos);
    const tornHere = record === undefined || record.end > data.length || (!record.ok && record.end === data.length) || (record.end <= pos && rest.every((b) => b === 0));
    if (tornHere && tornTailAllowed) return pos;
    if (tornHere || !record!.ok || record!.end <= pos) {
      throw new StorageError(`${file} is damaged at byte ${pos} (a record there fails its checksum and data follows it); move the file (or the data directory) away or restore it from a backup, then start again`);
    }
    pos = record!.end;
  }
  return pos;
}

/** Reads `file` (absent: empty) and cuts a torn tail off it; returns the intact bytes. */
export function readIntact(file: string, recordAt: (data: Buffer) => RecordAt, tornTailAllowed = true): Buffer {
  let data: Buffer;
  try {
    data = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
  } catch (err) {
    throw new StorageError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check its permissions, or move it away`);
  }
  const length = intactLength(data, file, recordAt(data), tornTailAllowed);
  if (length < data.length) fs.truncateSync(file, length);
  return data.subarray(0, length);
}
