// A partition's log on disk, as Kafka lays it out: a directory
// logs/<topic>-<partition>/ of segment files named by their base offset
// (00000000000000000042.log), each an append-only file of v2 batches exactly
// as served. Each append is written whole (./append-file.ts) before the
// produce is acknowledged, so it survives a kill -9 (not a power loss: like
// Kafka's defaults we do not fsync every write). On start, a torn tail of the
// newest segment is cut off; damage anywhere else stops the start.
import * as fs from "node:fs";
import * as path from "node:path";
import { BATCH_HEADER_BYTES, BatchField, LOG_OVERHEAD, readBatchHeader, verifyBatchCrc } from "../protocol";
import { AppendOnlyFile, type FileIo } from "./append-file";
import type { LogFiles } from "../log/segments";
import { StorageError } from "./storage";
import { readIntact, type RecordAt } from "./torn-tail";

/** The directory of a partition's segments; topic names are [a-zA-Z0-9._-], safe as file names. */
export function partitionDir(dataDir: string, topic: string, partition: number): string {
  return path.join(dataDir, "logs", `${topic}-${partition}`);
}

const segmentName = (baseOffset: bigint) => `${baseOffset.toString().padStart(20, "0")}.log`;
const SEGMENT = /^\d{20}\.log$/;

const batchAt = (data: Buffer): RecordAt => (pos) => {
  if (data.length - pos < LOG_OVERHEAD) return undefined;
  const end = pos + LOG_OVERHEAD + data.readInt32BE(pos + BatchField.batchLength);
  if (end - pos < BATCH_HEADER_BYTES) return { end: pos, ok: false };
  return { end, ok: end <= data.length && verifyBatchCrc(data.subarray(pos, end)) };
};

function splitIntact(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let pos = 0; pos < data.length; pos += LOG_OVERHEAD + data.readInt32BE(pos + BatchField.batchLength)) {
    out.push(data.subarray(pos, pos + LOG_OVERHEAD + data.readInt32BE(pos + BatchField.batchLength)));
  }
  return out;
}

/** Before segments, a partition was one file logs/<topic>-<partition>.log: it becomes the first segment (a rename, nothing rewritten). */
function adoptSingleFileLog(dir: string): void {
  const single = `${dir}.log`;
  if (!fs.existsSync(single) || fs.existsSync(dir)) return;
  const data = readIntact(single, batchAt);
  const base = data.length > 0 ? readBatchHeader(data).baseOffset : 0n;
  fs.mkdirSync(dir, { recursive: true });
  fs.renameSync(single, path.join(dir, segmentName(base)));
}

/** Opens a partition's segments under `dir`, reading those already there. */
export function openLogFiles(dir: string, io?: FileIo): LogFiles {
  let names: string[];
  try {
    adoptSingleFileLog(dir);
    fs.mkdirSync(dir, { recursive: true });
    names = fs.readdirSync(dir).filter((n) => SEGMENT.test(n)).sort();
  } catch (err) {
    if (err instanceof StorageError) throw err;
    throw new StorageError(`cannot open the log directory ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the data directory's permissions`);
  }
  const segments = names.map((name, i) => ({
    baseOffset: BigInt(name.slice(0, 20)),
    batches: splitIntact(readIntact(path.join(dir, name), batchAt, i === names.length - 1)),
  }));
  let active = names.length > 0 ? new AppendOnlyFile(path.join(dir, names[names.length - 1]), io) : undefined;
  return {
    segments,
    append(bytes) {
      if (!active) throw new StorageError(`${dir} has no segment to append to`);
      active.append(bytes);
    },
    roll(baseOffset) {
      active?.close();
      const name = segmentName(baseOffset);
      active = new AppendOnlyFile(path.join(dir, name), io);
      if (names[names.length - 1] !== name) names.push(name);
    },
    deleteOldest() {
      const oldest = names.shift();
      if (oldest === undefined) return;
      if (names.length === 0) {
        active?.close();
        active = undefined;
      }
      fs.rmSync(path.join(dir, oldest), { force: true });
    },
    close() {
      active?.close();
      active = undefined;
    },
    remove() {
      this.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
