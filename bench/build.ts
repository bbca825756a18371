// `npm run bench -- build`: a cold build (every notebook executed) and a warm
// one (all from the execution cache) in one run, plus page sizes. Goals:
// warm build ≤ 5 s; every page ≤ 300 KB including its SVG charts.
import * as fs from "node:fs";
import * as path from "node:path";
import { build } from "partition-lab/dist/build/build";
import { silentReporter } from "partition-lab/dist/runner";

export async function runBenchmark(): Promise<void> {
  const root = path.resolve(__dirname, "../..");
  const outDir = path.join(root, "site", "dist");
  const quiet = { log: () => {}, reporter: silentReporter };
  const cold = await build({ root, outDir, force: true, ...quiet });
  const warm = await build({ root, outDir, ...quiet });
  if (!cold.ok || !warm.ok) throw new Error("the build failed; run `npm run build` to see why");
  const pages = fs.readdirSync(outDir).filter((f) => f.endsWith(".html")).map((f) => ({ f, bytes: fs.statSync(path.join(outDir, f)).size }));
  const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const total = pages.reduce((s, p) => s + p.bytes, 0);
  console.log(`cold build (${cold.executed} notebooks executed)  ${cold.seconds.toFixed(1)} s`);
  console.log(`warm build (${warm.cached} from cache)           ${warm.seconds.toFixed(1)} s   ${(warm.seconds / cold.seconds).toFixed(2)}× cold (goal ≤ 5 s)`);
  console.log(`pages                                ${pages.length}, ${(total / 1024).toFixed(0)} KiB in all`);
  console.log(`largest page                         ${largest.f}: ${(largest.bytes / 1024).toFixed(0)} KiB (goal ≤ 300 KB)`);
}
