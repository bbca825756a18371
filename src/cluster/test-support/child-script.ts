// Crash tests: a fixture script bundled for Node, run in a child process and
// killed with SIGKILL at a chosen moment.
import { spawn } from "node:child_process";
import * as path from "node:path";
import { buildSync } from "esbuild";

/** Bundles `entry` (a .ts fixture) into `dir`; returns the script's path. */
export function bundleScript(entry: string, dir: string): string {
  const script = path.join(dir, `${path.basename(entry, ".ts")}.js`);
  buildSync({ entryPoints: [entry], bundle: true, platform: "node", outfile: script, logLevel: "silent" });
  return script;
}

/**
 * Runs `script` until `enough(stdout)` holds, then kills it with SIGKILL and
 * resolves with its stdout once it is gone. Rejects — instead of waiting
 * forever — when the child exits on its own first, or after `timeoutMs`.
 */
export function runUntilKilled(script: string, args: string[], enough: (stdout: string) => boolean, timeoutMs = 60_000): Promise<string> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  return new Promise<string>((resolve, reject) => {
    let killed = false;
    const stop = (error?: Error) => {
      clearInterval(check);
      clearTimeout(timer);
      if (error) {
        child.kill("SIGKILL");
        reject(error);
      }
    };
    const check = setInterval(() => {
      if (killed || !enough(out)) return;
      killed = true;
      stop();
      child.kill("SIGKILL");
    }, 2);
    const timer = setTimeout(() => stop(new Error(`${path.basename(script)} did not get far enough in ${timeoutMs} ms; stderr: ${err}`)), timeoutMs);
    child.once("exit", (code, signal) => {
      if (killed) return resolve(out);
      stop(new Error(`${path.basename(script)} exited on its own (code ${code}, signal ${signal}) before it was killed; stderr: ${err}`));
    });
  });
}
