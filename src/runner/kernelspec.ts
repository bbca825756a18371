// The tslab kernelspec: how Jupyter (and this runner) start the kernel. We
// write it ourselves because `tslab install` needs Python's jupyter module.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export type KernelSpec = { argv: string[]; display_name: string; language: string; interrupt_mode?: "signal" | "message" };

/** The tslab launcher of this project's node_modules. */
export function tslabBinary(): string {
  const pkg = require.resolve("tslab/package.json");
  return path.join(path.dirname(pkg), "bin", "tslab");
}

/** The kernelspec for this project's tslab; `{connection_file}` is filled in by whoever starts it. */
export function tslabKernelSpec(): KernelSpec {
  return {
    argv: [process.execPath, tslabBinary(), "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript",
    language: "typescript",
    interrupt_mode: "signal",
  };
}

/** Where a kernelspec goes: `--prefix DIR` → DIR/share/jupyter/kernels, else the user's Jupyter data dir. */
export function kernelsDir(options: { prefix?: string; user?: boolean }): string {
  if (options.prefix) return path.join(path.resolve(options.prefix), "share", "jupyter", "kernels");
  if (process.platform === "darwin") return path.join(os.homedir(), "Library", "Jupyter", "kernels");
  const dataHome = process.env.XDG_DATA_HOME || path.join(os.homedir(), ".local", "share");
  return path.join(dataHome, "jupyter", "kernels");
}

/** Writes `kernels/tslab/kernel.json`; returns the folder. */
export function installKernelSpec(options: { prefix?: string; user?: boolean }): string {
  const dir = path.join(kernelsDir(options), "tslab");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(tslabKernelSpec(), null, 2) + "\n");
  return dir;
}
