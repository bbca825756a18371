// `partition-lab build`: see ./build.ts.
import * as path from "node:path";
import { intFlag, parseFlags } from "../cli-args";
import { defaultJobs } from "../runner/run-many";
import { build } from "./build";

const USAGE = `usage: partition-lab build [--keep-going] [--force] [--jobs N] [--timeout SECONDS] [--out DIR]

Runs every notebooks/*.ipynb headless (against an embedded cluster, or the
cluster in KAFKA_BROKERS), stops at the first failing notebook, and publishes
the site to site/dist/. Unchanged notebooks are not run again (--force runs
all); --keep-going runs every notebook and lists all failures.`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    "keep-going": { type: "boolean" },
    force: { type: "boolean" },
    jobs: { type: "string" },
    timeout: { type: "string" },
    out: { type: "string" },
  }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const result = await build({
    root: path.resolve(__dirname, "../.."),
    outDir: values.out ? path.resolve(values.out as string) : undefined,
    keepGoing: Boolean(values["keep-going"]),
    force: Boolean(values.force),
    jobs: intFlag(values.jobs as string | undefined, "jobs", defaultJobs(), 1, 64),
    timeout: intFlag(values.timeout as string | undefined, "timeout", 120, 1, 86_400),
  });
  return result.ok ? 0 : 1;
}
