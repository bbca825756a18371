// How a tslab kernel of this project is started: through our launcher
// (./kernel-launcher.ts), which starts tslab's own kernel but only reads its
// sockets once every one of them is bound. The kernelspec that Jupyter uses
// and the runner's kernels share this argv, so learners in Jupyter get the
// same fix as the build.
import * as path from "node:path";

/** The launcher's exit code when one of the kernel's ports cannot be bound (e.g. taken by another process). */
export const BIND_FAILED_EXIT = 3;

/** The compiled launcher script; from src/runner (tests) and dist/runner alike it lives in dist/. */
export function kernelLauncherScript(): string {
  return path.resolve(__dirname, "..", "..", "dist", "runner", "kernel-launcher.js");
}

/**
 * A kernelspec argv that starts this project's tslab through the launcher;
 * `{connection_file}` is filled in by whoever starts it (Jupyter or the runner).
 */
export function kernelArgv(): string[] {
  return [process.execPath, kernelLauncherScript(), "--config-path", "{connection_file}"];
}
