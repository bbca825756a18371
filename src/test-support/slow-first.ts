// Vitest's order of test files: the slow ones first. Vitest runs the longest
// files first only when it has timings cached from an earlier run; a fresh
// clone (CI) has none, so it orders by file size, and the Jupyter-UI test, a
// short file that runs for minutes, would start last and finish long after
// everything else. With two workers, starting the slowest first keeps both
// busy to the end.
import * as path from "node:path";

/**
 * Slowest first: the files that take minutes, then those that take 10–35 s
 * (each longest first). Left to vitest's order, a 20 s file can start last
 * and run alone while the other worker idles.
 */
export const SLOW_FIRST = [
  "src/jupyter/ui.test.ts",
  "src/lab/course.test.ts",
  "src/lab/course-nbclient.test.ts",
  "src/build/mutation.test.ts",
  "src/live/live.browser.test.ts",
  "src/cluster/e2e/fuzz.test.ts",
  "src/cluster/cli-failures.test.ts",
  "bench/soak.test.ts",
  "src/build/build.test.ts",
  "src/runner/kernel.test.ts",
  "src/lab/capstone/pipeline.test.ts",
  "src/cluster/e2e/secured.test.ts",
  "src/site/browser.test.ts",
];

export function slowRank(moduleId: string, root: string): number {
  const rank = SLOW_FIRST.indexOf(path.relative(root, moduleId).split(path.sep).join("/"));
  return rank < 0 ? SLOW_FIRST.length : rank;
}
