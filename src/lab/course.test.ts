// The course itself, as CI sees it: every notebook passes in our runner
// against the embedded cluster, and in Jupyter's own nbclient through the
// kernelspec `partition-lab kernelspec` writes, with cwd = notebooks/.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../cluster";
import { formatFailure, installKernelSpec, runNotebooks } from "../runner";

const DIR = path.resolve(__dirname, "../../notebooks");
const notebooks = fs.readdirSync(DIR).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(DIR, f));
let cluster: Cluster;
let env: Record<string, string>;

beforeAll(async () => {
  cluster = await startCluster({ brokers: 3 });
  env = { KAFKA_BROKERS: cluster.bootstrap, PARTITION_LAB_CONTROL: cluster.controlUrl };
});
afterAll(async () => cluster?.stop());

const NBCLIENT = `
import sys, os, nbformat
from nbclient import NotebookClient
failed = []
for f in sys.argv[1:]:
    nb = nbformat.read(f, as_version=4)
    try:
        NotebookClient(nb, timeout=120, kernel_name='tslab', resources={'metadata': {'path': os.path.dirname(f)}}).execute()
    except Exception as e:
        failed.append('%s: %s' % (os.path.basename(f), str(e)[-2000:]))
print('\\n'.join(failed) if failed else 'all ok')
`;

describe("the course notebooks", () => {
  it("all pass in our runner against the embedded cluster", async () => {
    const runs = await runNotebooks(notebooks, { env, timeout: 120 });
    const failures = runs.filter((r) => !r.ok).map((r) => formatFailure(r));
    expect(failures).toEqual([]);
    expect(runs).toHaveLength(notebooks.length);
  }, 300_000);

  it("all pass in Jupyter's nbclient with the tslab kernelspec", async () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-course-"));
    try {
      installKernelSpec({ prefix });
      const out = await new Promise<string>((resolve, reject) =>
        execFile("/usr/bin/python3", ["-c", NBCLIENT, ...notebooks], {
          cwd: DIR,
          env: { ...process.env, ...env, JUPYTER_PATH: path.join(prefix, "share", "jupyter") },
          timeout: 400_000,
          maxBuffer: 16 << 20,
        }, (err, stdout, stderr) => (err ? reject(new Error(`nbclient failed to start: ${stderr}`)) : resolve(stdout))),
      );
      expect(out.trim()).toBe("all ok");
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  }, 420_000);
});
