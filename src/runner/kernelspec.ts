// The kernelspec that starts this project's tslab: how Jupyter (and this
// runner) start the kernel. We write it ourselves because `tslab install`
// needs Python's jupyter module, and under our own name so that it never
// replaces a `tslab` kernelspec someone installed for other work.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { kernelArgv } from "./kernel-argv";

export type KernelSpec = { argv: string[]; display_name: string; language: string; interrupt_mode?: "signal" | "message" };

/** The name Jupyter knows our kernel by; the course notebooks ask for it in `metadata.kernelspec.name`. */
export const KERNEL_NAME = "partition-lab-tslab";
export const KERNEL_DISPLAY_NAME = "TypeScript (partition-lab)";

/**
 * The kernelspec for this project's tslab (started through our launcher, see
 * ./kernel-argv.ts); `{connection_file}` is filled in by whoever starts it. Its
 * argv holds absolute paths to this node and this checkout, so it stops
 * working if the checkout moves.
 */
export function tslabKernelSpec(): KernelSpec {
  return {
    argv: kernelArgv(),
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
    interrupt_mode: "signal",
  };
}

/** Where a kernelspec goes: `--prefix DIR` → DIR/share/jupyter/kernels, else the user's Jupyter data dir. */
export function kernelsDir(options: { prefix?: string; user?: boolean }): string {
  if (options.prefix) return path.join(path.resolve(options.prefix), "share", "jupyter", "kernels");
  if (process.env.JUPYTER_DATA_DIR) return path.join(path.resolve(process.env.JUPYTER_DATA_DIR), "kernels");
  if (process.platform === "darwin") return path.join(os.homedir(), "Library", "Jupyter", "kernels");
  const dataHome = process.env.XDG_DATA_HOME || path.join(os.homedir(), ".local", "share");
  return path.join(dataHome, "jupyter", "kernels");
}

/** The folder to put in JUPYTER_PATH so that Jupyter finds a kernelspec installed with `prefix`. */
export function jupyterPathOf(prefix: string): string {
  return path.join(path.resolve(prefix), "share", "jupyter");
}

/** Writes `kernels/partition-lab-tslab/kernel.json`; returns the folder. */
export function installKernelSpec(options: { prefix?: string; user?: boolean }): string {
  const dir = path.join(kernelsDir(options), KERNEL_NAME);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(tslabKernelSpec(), null, 2) + "\n");
  return dir;
}

/**
 * Environment for a Jupyter process that must not read or write the user's
 * Jupyter files: config, data and runtime folders under `root`, and only the
 * kernelspecs installed with prefix `root` (plus the system's) on its path.
 */
export function isolatedJupyterEnv(root: string): Record<string, string> {
  return {
    JUPYTER_CONFIG_DIR: path.join(root, "config"),
    JUPYTER_DATA_DIR: path.join(root, "data"),
    JUPYTER_RUNTIME_DIR: path.join(root, "runtime"),
    JUPYTER_PATH: jupyterPathOf(root),
    // jupyter_core also reads config from Python's user site (~/.local/etc/jupyter):
    // JUPYTER_NO_CONFIG skips every config folder, using a blank one it makes in TMPDIR.
    JUPYTER_NO_CONFIG: "1",
    TMPDIR: path.join(root, "tmp"),
  };
}

/** Creates the folders `isolatedJupyterEnv(root)` names. */
export function makeJupyterDirs(root: string): void {
  for (const dir of ["config", "data", "runtime", "tmp"]) fs.mkdirSync(path.join(root, dir), { recursive: true });
}
