import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { openJournalFile } from "./journal-file";
import { tempDirs } from "../test-support/temp-dir";

const tempDir = tempDirs("journal-");

describe("a journal file", () => {
  it("round-trips bigints and buffers and cuts a torn tail", () => {
    const file = path.join(tempDir(), "j");
    const j = openJournalFile(file);
    j.append({ a: 12345678901234567890n, b: Buffer.from("hi") });
    j.append({ n: 2 });
    j.close();
    const size = fs.statSync(file).size;
    fs.appendFileSync(file, Buffer.from([0, 0, 0, 50, 1, 2, 3])); // half a record, as a crash mid-write leaves it
    const again = openJournalFile(file);
    expect(again.records).toEqual([{ a: 12345678901234567890n, b: Buffer.from("hi") }, { n: 2 }]);
    expect(fs.statSync(file).size).toBe(size);
    again.append({ n: 3 });
    again.close();
    expect(openJournalFile(file).records).toHaveLength(3);
  });

  it("stops at a record whose checksum does not match", () => {
    const file = path.join(tempDir(), "j");
    const j = openJournalFile(file);
    j.append({ n: 1 });
    j.append({ n: 2 });
    j.close();
    const data = fs.readFileSync(file);
    data[data.length - 2] ^= 0xff;
    fs.writeFileSync(file, data);
    expect(openJournalFile(file).records).toEqual([{ n: 1 }]);
  });

  it("compacts atomically into exactly the given records", () => {
    const file = path.join(tempDir(), "j");
    const j = openJournalFile(file);
    for (let i = 0; i < 10; i++) j.append({ i });
    j.compact([{ all: 10 }]);
    j.append({ i: 11 });
    j.close();
    expect(openJournalFile(file).records).toEqual([{ all: 10 }, { i: 11 }]);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
  });
});
