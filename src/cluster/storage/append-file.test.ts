import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { AppendOnlyFile, writeFully, type FileIo } from "./append-file";
import { StorageError } from "./storage";
import { tempDirs } from "../test-support/temp-dir";

const tempDir = tempDirs("append-file-");

/** Real file operations, with writes replaced by `write`. */
const withWrite = (write: FileIo["writeSync"]): FileIo => ({ ...fs, writeSync: write });

describe("writeFully", () => {
  it("continues short writes until every byte is written, in order", () => {
    const out: number[] = [];
    writeFully({ writeSync: ((_fd: number, data: Buffer, offset: number, length: number) => {
      const n = Math.min(3, length);
      out.push(...data.subarray(offset, offset + n));
      return n;
    }) as FileIo["writeSync"] }, 1, Buffer.from([1, 2, 3, 4, 5, 6, 7]));
    expect(out).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("gives up when the disk keeps accepting nothing", () => {
    expect(() => writeFully({ writeSync: (() => 0) as FileIo["writeSync"] }, 1, Buffer.from("abc"))).toThrow(/accepted 0 of 3 bytes/);
  });
});

describe("an append-only file", () => {
  it("cuts a failed append back off, and refuses appends once it cannot", () => {
    const file = path.join(tempDir(), "f");
    let fail = false;
    const io = withWrite(((fd: number, data: Buffer, offset: number, length: number) => {
      if (!fail) return fs.writeSync(fd, data, offset, length);
      fs.writeSync(fd, data, offset, 2);
      throw new Error("EIO");
    }) as FileIo["writeSync"]);
    const f = new AppendOnlyFile(file, io);
    f.append(Buffer.from("good"));
    fail = true;
    expect(() => f.append(Buffer.from("torn"))).toThrow(StorageError);
    expect(fs.readFileSync(file, "utf8")).toBe("good");
    fail = false;
    f.append(Buffer.from("+more"));
    expect(fs.readFileSync(file, "utf8")).toBe("good+more");
    f.close();

    const stuck = new AppendOnlyFile(file, { ...io, ftruncateSync: () => { throw new Error("EROFS"); } });
    fail = true;
    expect(() => stuck.append(Buffer.from("x"))).toThrow(/cannot write/);
    fail = false;
    expect(() => stuck.append(Buffer.from("y"))).toThrow(/refuses writes since an earlier failure/);
    stuck.close();
  });
});
