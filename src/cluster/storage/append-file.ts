// An append-only file whose appends are all or nothing: write(2) may write
// fewer bytes than asked (a full disk, a signal), so each append loops until
// every byte is written, and when it cannot, cuts the file back to where the
// append started — a later append never follows half a record. If even that
// fails, the file refuses every later append (a restart truncates the torn
// tail, as after a crash).
import * as fs from "node:fs";
import { StorageError } from "./storage";

/** The file operations used, so tests can make writes short or failing. */
export type FileIo = Pick<typeof fs, "openSync" | "writeSync" | "ftruncateSync" | "fstatSync" | "closeSync">;

/** How many writes in a row may write nothing before the append is given up. */
const MAX_STALLED_WRITES = 3;

/** Writes all of `data` at the file's end, retrying short writes; throws when a write fails or keeps writing nothing. */
export function writeFully(io: Pick<FileIo, "writeSync">, fd: number, data: Buffer): void {
  let offset = 0;
  let stalled = 0;
  while (offset < data.length) {
    const written = io.writeSync(fd, data, offset, data.length - offset);
    if (written > 0) {
      offset += written;
      stalled = 0;
    } else if (++stalled >= MAX_STALLED_WRITES) {
      throw new Error(`the disk accepted ${offset} of ${data.length} bytes and then nothing more`);
    }
  }
}

export class AppendOnlyFile {
  private fd: number | undefined;
  private size: number;
  private broken: string | undefined;

  constructor(readonly path: string, private readonly io: FileIo = fs) {
    this.fd = io.openSync(path, "a");
    this.size = io.fstatSync(this.fd).size;
  }

  /** Appends `data` whole or not at all; throws StorageError when it cannot. */
  append(data: Buffer): void {
    if (this.fd === undefined) throw new StorageError(`${this.path} is closed`);
    if (this.broken) throw new StorageError(`${this.path} refuses writes since an earlier failure (${this.broken}); restart the cluster`);
    try {
      writeFully(this.io, this.fd, data);
      this.size += data.length;
    } catch (err) {
      const reason = (err as Error).message;
      try {
        this.io.ftruncateSync(this.fd, this.size);
      } catch {
        this.broken = reason;
      }
      throw new StorageError(`cannot write to ${this.path}: ${reason}`);
    }
  }

  close(): void {
    if (this.fd !== undefined) this.io.closeSync(this.fd);
    this.fd = undefined;
  }
}
