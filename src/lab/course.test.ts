// The course itself, as CI sees it: every notebook passes in our runner
// against the embedded cluster, with every cell sent at once as Jupyter's Run
// All does (tslab aborts the rest of the queue after any error, so a lesson
// that only passes cell by cell fails here), and in Jupyter's own nbclient
// through the kernelspec `partition-lab kernelspec` writes, with cwd = notebooks/.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../cluster";
import { formatFailure, runNotebooks } from "../runner";
import { runWithNbclient } from "../runner/nbclient";

const DIR = path.resolve(__dirname, "../../notebooks");
const notebooks = fs.readdirSync(DIR).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(DIR, f));
let cluster: Cluster;
let env: Record<string, string>;

beforeAll(async () => {
  cluster = await startCluster({ brokers: 3 });
  env = { KAFKA_BROKERS: cluster.bootstrap, PARTITION_LAB_CONTROL: cluster.controlUrl };
});
afterAll(async () => cluster?.stop());

describe("the course notebooks", () => {
  it("all pass in our runner against the embedded cluster, run as Jupyter's Run All runs them", async () => {
    const runs = await runNotebooks(notebooks, { env, timeout: 120, mode: "run-all" });
    expect(runs.filter((r) => !r.ok).map((r) => formatFailure(r))).toEqual([]);
    expect(runs).toHaveLength(notebooks.length);
  }, 300_000);

  it("all pass in Jupyter's nbclient with the tslab kernelspec", async () => {
    const results = await runWithNbclient(notebooks, env);
    expect(results.filter((r) => r.error).map((r) => `${path.basename(r.file)}: ${r.error}`)).toEqual([]);
    expect(results).toHaveLength(notebooks.length);
  }, 420_000);
});
