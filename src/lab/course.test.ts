// The course itself, as CI sees it: every notebook passes in `npm run build`
// (our runner against the embedded cluster, every cell sent at once as
// Jupyter's Run All does — tslab aborts the rest of the queue after any
// error, so a lesson that only passes cell by cell fails here). Jupyter's own
// executor runs them in ./course-nbclient.test.ts.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { courseBuild } from "../build/test-support/course-build";

const DIR = path.resolve(__dirname, "../../notebooks");
const notebooks = fs.readdirSync(DIR).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(DIR, f));

describe("the course notebooks", () => {
  it("all pass in the build, run as Jupyter's Run All runs them, and are published", async () => {
    const built = await courseBuild();
    expect(built.failures).toEqual([]);
    expect(built.ok).toBe(true);
    expect(built.executed).toBe(notebooks.length);
    expect(fs.readdirSync(path.join(built.siteDir, "notebooks")).sort()).toEqual(notebooks.map((f) => path.basename(f)));
    // The reading page stays light (charts included); the live runtime loads only on demand.
    const pages = fs.readdirSync(built.siteDir).filter((f) => f.endsWith(".html"));
    const heavy = pages.map((f) => ({ f, bytes: fs.statSync(path.join(built.siteDir, f)).size })).filter((p) => p.bytes > 300_000);
    expect(heavy, "pages over 300 KB").toEqual([]);
  }, 60_000 * notebooks.length); // a budget per notebook: the course grows, and lessons 09-11 take about a minute each
});
