// The course, run and published once per `npm test`: the tests that need the
// executed course (course.test.ts, the live lessons) share one build, run
// as `npm run build` runs it (every notebook, Run All mode, the embedded
// cluster) but from nothing (no execution cache) into a folder of this test
// run. The first caller builds; the others, in other workers, wait for its
// result. The folder comes from ./course-build.global.ts, which removes it.
import * as fs from "node:fs";
import * as path from "node:path";
import { inject } from "vitest";
import { formatFailure, type Reporter } from "../../runner";
import { build } from "../build";

export type CourseBuild = {
  ok: boolean;
  /** The notebooks executed (all of them: nothing comes from a cache). */
  executed: number;
  /** Each failed notebook's report: notebook, cell, traceback. */
  failures: string[];
  /** The published site, with the executed notebooks in notebooks/. */
  siteDir: string;
};

const ROOT = path.resolve(__dirname, "../../..");
/** Past the build's own deadline (1200 s), so a stuck build fails with its own message. */
const WAIT_MS = 1_300_000;

declare module "vitest" {
  export interface ProvidedContext {
    courseBuildDir: string;
  }
}

export async function courseBuild(): Promise<CourseBuild> {
  const dir = inject("courseBuildDir");
  const resultFile = path.join(dir, "result.json");
  try {
    fs.mkdirSync(path.join(dir, "lock"));
  } catch {
    return waitForResult(resultFile);
  }
  const failures: string[] = [];
  const reporter: Reporter = {
    notebookStarted: () => {},
    cellStarted: () => {},
    notebookFinished: (run) => void (run.ok || failures.push(formatFailure(run))),
  };
  const lines: string[] = [];
  const siteDir = path.join(dir, "site");
  let result: CourseBuild;
  try {
    const built = await build({ root: ROOT, outDir: siteDir, force: true, keepGoing: true, reporter, log: (line) => lines.push(line) });
    result = { ok: built.ok, executed: built.executed, failures: built.ok || failures.length > 0 ? failures : [lines.join("\n")], siteDir };
  } catch (err) {
    result = { ok: false, executed: 0, failures: [`the build threw: ${(err as Error).stack ?? err}`], siteDir };
  }
  fs.writeFileSync(`${resultFile}.tmp`, JSON.stringify(result));
  fs.renameSync(`${resultFile}.tmp`, resultFile);
  return result;
}

async function waitForResult(resultFile: string): Promise<CourseBuild> {
  const deadline = Date.now() + WAIT_MS;
  while (!fs.existsSync(resultFile)) {
    if (Date.now() > deadline) throw new Error(`the course build of this test run did not finish within ${WAIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return JSON.parse(fs.readFileSync(resultFile, "utf8")) as CourseBuild;
}
