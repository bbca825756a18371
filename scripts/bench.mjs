#!/usr/bin/env node
// `npm run bench -- <name>`: runs one benchmark (or all) from the compiled sources.
// Each benchmark measures a reference in the same run and prints ratios against it.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";

const require = createRequire(import.meta.url);
const benchmarks = {
  cluster: "../bench/dist/cluster.js",
  soak: "../bench/dist/soak.js",
  runner: "../bench/dist/runner.js",
  build: "../bench/dist/build.js",
  live: "../bench/dist/live.js",
  fuzz: "../bench/dist/fuzz.js",
  stability: "../bench/dist/stability.js",
  mutation: "../bench/dist/mutation.js",
};
// Run only when named: twenty full builds (stability), the course once per defect (mutation) take a good while.
const onlyWhenAsked = new Set(["stability", "mutation"]);

const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = asked.length > 0 ? asked : Object.keys(benchmarks).filter((n) => !onlyWhenAsked.has(n));
for (const name of names) {
  const path = benchmarks[name];
  if (!path) {
    console.error(`unknown benchmark "${name}"; choose from: ${Object.keys(benchmarks).join(", ")}`);
    process.exit(2);
  }
  const resolved = new URL(path, import.meta.url);
  if (!existsSync(resolved)) {
    console.error(`benchmark "${name}" is not built (${path} missing)`);
    process.exit(2);
  }
  console.log(`\n=== bench: ${name}`);
  await require(resolved.pathname).runBenchmark(process.argv.slice(2).filter((a) => a.startsWith("-")));
}
