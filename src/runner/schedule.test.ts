import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { durationsFile } from "./durations";
import { startOrder } from "./schedule";

describe("startOrder", () => {
  it("keeps the given order when nothing is known", () => {
    expect(startOrder(["a", "b", "c"])).toEqual([0, 1, 2]);
  });

  it("starts notebooks never timed first, in their order, then the longest first (ties in their order)", () => {
    const seconds: Record<string, number> = { a: 5, c: 17, d: 5, e: 9 };
    expect(startOrder(["a", "b", "c", "d", "e", "f"], (p) => seconds[p])).toEqual([1, 5, 2, 4, 0, 3]);
  });
});

describe("durationsFile", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-durations-"));
  const file = path.join(root, ".cache", "notebook-seconds.json");

  it("knows nothing before the first run, and nothing from a damaged file", () => {
    expect(durationsFile(file, root).get(path.join(root, "nb", "a.ipynb"))).toBeUndefined();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "{ not json");
    expect(durationsFile(file, root).get(path.join(root, "nb", "a.ipynb"))).toBeUndefined();
  });

  it("keeps each passed run's seconds without its kernel start, for the next run, keyed relative to the root", () => {
    durationsFile(file, root).record([
      { path: path.join(root, "nb", "a.ipynb"), ok: true, seconds: 12.34, kernelStartSeconds: 2 },
      { path: path.join(root, "nb", "b.ipynb"), ok: false, seconds: 1, kernelStartSeconds: 0.5 },
    ]);
    const later = durationsFile(file, root);
    expect(later.get(path.join(root, "nb", "a.ipynb"))).toBe(10.3);
    expect(later.get(path.join(root, "nb", "b.ipynb"))).toBeUndefined(); // a failed run stopped early
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ "nb/a.ipynb": 10.3 });
  });
});
