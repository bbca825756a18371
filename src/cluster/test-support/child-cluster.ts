// A cluster in a child process (`partition-lab cluster` from dist/), for tests
// that must kill it or prove it never restarted.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const CLI = path.resolve(__dirname, "../../../dist/cli.js");

export type ChildCluster = { child: ChildProcess; bootstrap: string; stderr: () => string };

export async function startChildCluster(args: string[] = []): Promise<ChildCluster> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run compile\` (npm test does it first)`);
  const child = spawn(process.execPath, [CLI, "cluster", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  const bootstrap = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cluster did not start: ${out}${err}`)), 15_000);
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /bootstrap: (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`cluster exited with ${code}: ${out}${err}`)));
  });
  return { child, bootstrap, stderr: () => err };
}

export function stopChild(c: ChildCluster, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  return new Promise((resolve) => {
    if (c.child.exitCode !== null || c.child.signalCode !== null) return resolve(c.child.exitCode);
    c.child.once("exit", (code) => resolve(code));
    c.child.kill(signal);
  });
}
