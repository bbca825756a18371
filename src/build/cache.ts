// The execution cache (like Jupyter Book's): a notebook whose source, the
// helper code it imports and the lockfile are unchanged since its last
// successful run is not executed again. Pure key computation + a tiny store.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** Hash of every non-test TypeScript file under the given folders, plus the lockfile. */
export function environmentHash(root: string, folders: string[]): string {
  const hash = createHash("sha256");
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) files.push(full);
    }
  };
  for (const f of folders) walk(path.join(root, f));
  for (const file of [...files.sort(), path.join(root, "package-lock.json")]) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(root, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

/** Where the build keeps each notebook's last run time, so that a build starts the longest first (runner/durations.ts). */
export function notebookSecondsFile(root: string): string {
  return path.join(root, ".cache", "notebook-seconds.json");
}

export function notebookKey(notebookSource: string, environment: string): string {
  return createHash("sha256").update(environment).update(notebookSource).digest("hex");
}

export class ExecutionCache {
  constructor(private dir: string) {}

  private file(notebook: string): string {
    return path.join(this.dir, `${path.basename(notebook)}.json`);
  }

  /** The executed notebook stored under `key`, if any. */
  get(notebook: string, key: string): object | undefined {
    try {
      const entry = JSON.parse(fs.readFileSync(this.file(notebook), "utf8")) as { key: string; notebook: object };
      return entry.key === key ? entry.notebook : undefined;
    } catch {
      return undefined;
    }
  }

  put(notebook: string, key: string, executed: object): void {
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(this.file(notebook), JSON.stringify({ key, notebook: executed }));
  }
}
