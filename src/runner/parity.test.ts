// Parity with Jupyter: the same notebook executed by our runner and by
// nbclient (Debian's python3-nbclient) through the kernelspec our
// `kernelspec --prefix` command writes gives equal outputs.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { installKernelSpec } from "./kernelspec";
import { runNotebook } from "./run-notebook";

const NBCLIENT = `
import sys, json, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=60, kernel_name='tslab', resources={'metadata': {'path': sys.argv[2]}}).execute()
print(json.dumps([c.get('outputs') for c in nb.cells if c.cell_type == 'code']))
`;

type Out = { output_type: string; name?: string; text?: string };
function coalesceStreams(outputs: Out[]): Out[] {
  const merged: Out[] = [];
  for (const o of outputs) {
    const last = merged.at(-1);
    if (o.output_type === "stream" && last?.output_type === "stream" && last.name === o.name) last.text += o.text!;
    else merged.push({ ...o });
  }
  return merged;
}

describe("parity with Jupyter's nbclient", () => {
  it("produces the same outputs for the same notebook", async () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-kernelspec-"));
    try {
      const dir = installKernelSpec({ prefix });
      expect(JSON.parse(fs.readFileSync(path.join(dir, "kernel.json"), "utf8")).argv).toContain("{connection_file}");
      const file = path.join(__dirname, "fixtures", "parity.ipynb");
      const theirs = await new Promise<string>((resolve, reject) => {
        execFile("/usr/bin/python3", ["-c", NBCLIENT, file, path.dirname(file)], {
          env: { ...process.env, JUPYTER_PATH: path.join(prefix, "share", "jupyter") },
          timeout: 90_000,
        }, (err, stdout, stderr) => (err ? reject(new Error(`nbclient failed: ${stderr}`)) : resolve(stdout)));
      });
      const ours = await runNotebook(file);
      expect(ours.ok).toBe(true);
      const ourOutputs = ours.notebook.cells.filter((c) => c.cell_type === "code").map((c) => c.outputs);
      // nbclient 0.7 keeps each stream message apart; JupyterLab and nbconvert's
      // coalesce_streams merge neighbours of one name, as our runner does.
      expect(ourOutputs).toEqual(JSON.parse(theirs).map(coalesceStreams));
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  }, 120_000);
});
