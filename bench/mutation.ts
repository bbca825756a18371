// `npm run bench -- mutation`: the course mutation test's full matrix. The
// whole course runs once on a healthy cluster (the baseline: everything
// passes) and once per deliberate defect (src/cluster/defects.ts); each
// defect must be caught by the notebook that teaches the behaviour, at its
// cell, and every other notebook must pass unless declared in
// src/build/mutation.ts. Prints a defect × notebook table; exits 1 when a
// defect is missed or a notebook fails unexpectedly.
//   npm run bench -- mutation --defect=commit-not-kept --no-baseline --jobs=2
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MUTATIONS, runAgainstDefects, verdictOf, type Mutation, type Outcome, type Verdict } from "partition-lab/dist/build/mutation";

const BASELINE: Mutation = { defect: "none" as Mutation["defect"], caughtBy: [], alsoFails: {} };
const SHORT: Record<Verdict["label"], string> = { caught: "**caught**", MISSED: "MISSED", pass: "pass", "fails (declared)": "fails†", "UNEXPECTED FAILURE": "FAILS!" };

const flag = (flags: string[], name: string) => flags.find((f) => f.startsWith(`--${name}=`))?.split("=")[1];

export async function runBenchmark(flags: string[] = []): Promise<void> {
  const dir = path.resolve(__dirname, "../../notebooks");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(dir, f));
  const only = flag(flags, "defect");
  const jobs = flag(flags, "jobs") === undefined ? undefined : Number(flag(flags, "jobs"));
  const chosen = MUTATIONS.filter((m) => !only || m.defect === only);
  if (chosen.length === 0) throw new Error(`no defect "${only}"; choose from: ${MUTATIONS.map((m) => m.defect).join(", ")}`);
  const rows = [...(flags.includes("--no-baseline") ? [] : [BASELINE]), ...chosen];
  const results: { mutation: Mutation; outcomes: Outcome[]; verdicts: Verdict[]; seconds: number }[] = [];
  for (const mutation of rows) {
    const started = Date.now();
    console.log(`${mutation.defect}: running ${files.length} notebooks (load average ${os.loadavg()[0].toFixed(1)})`);
    const outcomes = await runAgainstDefects(files, mutation === BASELINE ? [] : [mutation.defect], { jobs });
    const verdicts = outcomes.map((o) => verdictOf(mutation, o));
    const seconds = (Date.now() - started) / 1000;
    results.push({ mutation, outcomes, verdicts, seconds });
    for (const o of outcomes.filter((x) => !x.ok)) console.log(`  ${o.notebook} failed at cell ${o.cell}: ${o.message}`);
    console.log(`  ${seconds.toFixed(0)} s`);
  }
  const columns = files.map((f) => path.basename(f).slice(0, 2));
  console.log(`\n| defect | ${columns.join(" | ")} | s |\n| --- | ${columns.map(() => "---").join(" | ")} | ---: |`);
  for (const r of results) console.log(`| ${r.mutation.defect} | ${r.verdicts.map((v) => SHORT[v.label]).join(" | ")} | ${r.seconds.toFixed(0)} |`);
  console.log("\ncaught: the teaching notebook failed at the expected cell and check; pass: passed; fails†: fails too, as declared; MISSED / FAILS!: wrong");
  for (const r of results) for (const [k, why] of Object.entries(r.mutation.alsoFails)) console.log(`† ${r.mutation.defect}, ${k}: ${why}`);
  const wrong = results.flatMap((r) => r.outcomes.flatMap((o, i) => (r.verdicts[i].ok ? [] : [`${r.mutation.defect} × ${o.notebook}: ${r.verdicts[i].label} (${o.ok ? "passed" : `failed at cell ${o.cell}: ${o.message}`})`])));
  if (wrong.length > 0) {
    console.log(`\nmutation test failed:\n${wrong.map((w) => `  - ${w}`).join("\n")}`);
    process.exitCode = 1;
  } else console.log("\nmutation test passed: every defect was caught where it is taught, and nothing else failed unexpectedly");
}
