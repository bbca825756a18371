// A partition's batches on disk: one append-only file of v2 batches exactly as
// served. Each append is a synchronous write() that completes before the
// produce is acknowledged, so the bytes are in the kernel's page cache and
// survive a kill -9 of the process (not a power loss: like Kafka's defaults
// we do not fsync every write). On start, a torn tail — a batch cut short or
// failing its CRC by a crash mid-write — is truncated away.
import * as fs from "node:fs";
import * as path from "node:path";
import { BATCH_HEADER_BYTES, BatchField, LOG_OVERHEAD, verifyBatchCrc } from "../protocol";
import type { BatchSink } from "../log/partition-log";

/** The file name of a partition's log; topic names are [a-zA-Z0-9._-], safe as file names. */
export function segmentPath(dataDir: string, topic: string, partition: number): string {
  return path.join(dataDir, "logs", `${topic}-${partition}.log`);
}

/** Reads the intact batches of a log file, truncating a torn tail. */
export function readSegment(file: string): Buffer[] {
  if (!fs.existsSync(file)) return [];
  const data = fs.readFileSync(file);
  const out: Buffer[] = [];
  let pos = 0;
  while (data.length - pos >= LOG_OVERHEAD) {
    const size = LOG_OVERHEAD + data.readInt32BE(pos + BatchField.batchLength);
    if (size < BATCH_HEADER_BYTES || size > data.length - pos) break;
    const batch = data.subarray(pos, pos + size);
    if (!verifyBatchCrc(batch)) break;
    out.push(batch);
    pos += size;
  }
  if (pos < data.length) fs.truncateSync(file, pos);
  return out;
}

/** Opens (creating if needed) a partition's log file for appending. */
export function openSegment(file: string): BatchSink {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let fd: number | undefined = fs.openSync(file, "a");
  return {
    append(bytes) {
      if (fd === undefined) throw new Error(`log ${file} is closed`);
      fs.writeSync(fd, bytes);
    },
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
    remove() {
      this.close();
      fs.rmSync(file, { force: true });
    },
  };
}
