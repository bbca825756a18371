// Jupyter's own executor as a reference: runs notebooks with Debian's
// python3-nbclient through the kernelspec that `partition-lab kernelspec`
// writes (in a temporary prefix), one after another, the way `jupyter
// nbconvert --execute` does. As Jupyter, nbclient starts the kernel each
// notebook names in metadata.kernelspec.name (ours: partition-lab-tslab), so
// a notebook that asks for another kernel fails here as it would there.
// Used by the parity tests and the bench.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { installKernelSpec, isolatedJupyterEnv, makeJupyterDirs } from "./kernelspec";
import type { Output } from "./outputs";

const SCRIPT = `
import sys, os, json, nbformat
from nbclient import NotebookClient
results = []
for f in sys.argv[1:]:
    nb = nbformat.read(f, as_version=4)
    try:
        NotebookClient(nb, timeout=120, resources={'metadata': {'path': os.path.dirname(f)}}).execute()
        results.append({'outputs': [c.get('outputs') for c in nb.cells if c.cell_type == 'code']})
    except Exception as e:
        results.append({'error': str(e)[-2000:]})
print(json.dumps(results))
`;

export type NbclientResult = { file: string; outputs?: Output[][]; error?: string };

/**
 * Executes `files` with nbclient; each result holds the code cells' outputs or
 * the error nbclient raised. With `processes` > 1, that many nbclients each
 * run a share of the files one after another (as CI does to save time; the
 * bench keeps one, as `jupyter nbconvert --execute` runs).
 */
export async function runWithNbclient(files: string[], env: NodeJS.ProcessEnv = {}, processes = 1): Promise<NbclientResult[]> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-nbclient-"));
  try {
    installKernelSpec({ prefix });
    makeJupyterDirs(prefix);
    // Dealt round-robin, so that each share gets early and late (often longer) lessons alike.
    const shares = Array.from({ length: Math.max(1, Math.min(processes, files.length)) }, (_, i) => files.filter((_, j) => j % processes === i));
    const ran = await Promise.all(shares.map((share) => nbclient(share, { ...process.env, ...env, ...isolatedJupyterEnv(prefix) })));
    const byFile = new Map(ran.flat().map((r) => [r.file, r]));
    return files.map((file) => byFile.get(file)!);
  } finally {
    fs.rmSync(prefix, { recursive: true, force: true });
  }
}

async function nbclient(files: string[], env: NodeJS.ProcessEnv): Promise<NbclientResult[]> {
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile("/usr/bin/python3", ["-c", SCRIPT, ...files], { env, timeout: 900_000, maxBuffer: 64 << 20 }, (err, out, stderr) =>
      err ? reject(new Error(`nbclient could not run (is python3-nbclient installed?): ${stderr.slice(-2000)}`)) : resolve(out),
    ),
  );
  return (JSON.parse(stdout) as Omit<NbclientResult, "file">[]).map((r, i) => ({ file: files[i], ...r }));
}
