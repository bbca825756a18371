// Which Jupyter front ends are installed: the executables on PATH.
import * as fs from "node:fs";
import * as path from "node:path";
import { EXECUTABLES, type InstalledJupyter, type JupyterFlavor } from "./plan";

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first `name` on `searchPath` that is an executable file. */
export function findOnPath(name: string, searchPath = process.env.PATH ?? "", executable = isExecutable): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    if (executable(file)) return file;
  }
  return undefined;
}

/** JupyterLab and Jupyter Notebook as found on PATH. */
export function installedJupyter(searchPath = process.env.PATH ?? ""): InstalledJupyter {
  const found: InstalledJupyter = {};
  for (const flavor of Object.keys(EXECUTABLES) as JupyterFlavor[]) {
    const file = findOnPath(EXECUTABLES[flavor], searchPath);
    if (file) found[flavor] = file;
  }
  return found;
}
