// The build end to end on fixture notebooks: a failing cell fails the build
// with the notebook and cell named; a good notebook is published and then
// served from the execution cache.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatFailure, silentReporter } from "../runner";
import { build } from "./build";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-build-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const SITE_FIXTURES = path.resolve(__dirname, "../site/fixtures");

describe("partition-lab build", () => {
  it("fails naming the notebook and cell when a cell fails, and publishes nothing", async () => {
    const lines: string[] = [];
    const outDir = path.join(tmp, "out-failing");
    const reports: string[] = [];
    const reporter = { ...silentReporter, notebookFinished: (run: Parameters<typeof formatFailure>[0]) => void reports.push(formatFailure(run)) };
    const result = await build({ root: tmp, notebooksDir: path.join(SITE_FIXTURES, "failing"), outDir, jobs: 1, log: (l) => lines.push(l), reporter });
    expect(reports.join("\n")).toMatch(/01-fails\.ipynb, cell 3[\s\S]*partition 3 is on fire/);
    expect(result.ok).toBe(false);
    expect(result.failed.map((f) => path.basename(f))).toEqual(["01-fails.ipynb"]);
    expect(lines.join("\n")).toMatch(/build failed: .*01-fails\.ipynb/);
    expect(fs.existsSync(path.join(outDir, "index.html"))).toBe(false);
  }, 90_000);

  it("stops at once with a clear message when KAFKA_BROKERS does not answer", async () => {
    const saved = process.env.KAFKA_BROKERS;
    process.env.KAFKA_BROKERS = "127.0.0.1:1";
    try {
      await expect(build({ root: tmp, notebooksDir: path.join(SITE_FIXTURES, "failing"), outDir: path.join(tmp, "out-unreachable"), log: () => {}, reporter: silentReporter }))
        .rejects.toThrow(/KAFKA_BROKERS=127\.0\.0\.1:1: no broker answers/);
    } finally {
      if (saved === undefined) delete process.env.KAFKA_BROKERS;
      else process.env.KAFKA_BROKERS = saved;
    }
  });

  it("publishes a passing notebook, then reuses the cached run", async () => {
    const notebooks = path.join(tmp, "notebooks");
    fs.mkdirSync(notebooks);
    fs.writeFileSync(path.join(notebooks, "01-hello.ipynb"), JSON.stringify({
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab" }, "partition-lab": { title: "Hello", minutes: 1, summary: "hi" } },
      cells: [{ id: "a", cell_type: "code", metadata: {}, source: 'console.log("KAFKA_BROKERS is " + (process.env.KAFKA_BROKERS ? "set" : "unset"));', outputs: [], execution_count: null }],
    }));
    const outDir = path.join(tmp, "out");
    const quiet = { log: () => {}, reporter: silentReporter };
    const first = await build({ root: tmp, notebooksDir: notebooks, outDir, jobs: 1, ...quiet });
    expect(first).toMatchObject({ ok: true, executed: 1, cached: 0 });
    expect(fs.readFileSync(path.join(outDir, "01-hello.html"), "utf8")).toContain("KAFKA_BROKERS is set");
    const second = await build({ root: tmp, notebooksDir: notebooks, outDir, jobs: 1, ...quiet });
    expect(second).toMatchObject({ ok: true, executed: 0, cached: 1 });
    const forced = await build({ root: tmp, notebooksDir: notebooks, outDir, jobs: 1, force: true, ...quiet });
    expect(forced).toMatchObject({ ok: true, executed: 1, cached: 0 });
  }, 90_000);
});
