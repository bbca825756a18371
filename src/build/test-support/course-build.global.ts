// Vitest global setup: a folder for this test run's one course build
// (./course-build.ts), removed when the run ends.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Vitest passes its TestProject; `provide` is all this needs of it. */
export default function setup(project: { provide(key: "courseBuildDir", value: string): void }): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-course-build-"));
  project.provide("courseBuildDir", dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
