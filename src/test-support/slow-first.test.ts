import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { SLOW_FIRST, slowRank } from "./slow-first";

const ROOT = path.resolve(__dirname, "../..");

describe("the slow-first test order", () => {
  it("names files that exist, so that a renamed test cannot silently drop to the end of the run", () => {
    expect(SLOW_FIRST.filter((f) => !fs.existsSync(path.join(ROOT, f)))).toEqual([]);
  });

  it("ranks the listed files in their order, before every other file", () => {
    expect(SLOW_FIRST.map((f) => slowRank(path.join(ROOT, f), ROOT))).toEqual(SLOW_FIRST.map((_, i) => i));
    expect(slowRank(path.join(ROOT, "src/cli.test.ts"), ROOT)).toBe(SLOW_FIRST.length);
  });
});
