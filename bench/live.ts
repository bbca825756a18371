// `npm run bench -- live`: each lesson's Run all in Chromium (the live page,
// from file://, against its in-page cluster) against the same notebook in our
// headless runner (a tslab kernel against the embedded cluster over TCP),
// one notebook at a time for both; and the size of what a page loads: the
// page itself, and the live runtime (raw and gzip, as a static host serves
// it). Budget: page ≤ 300 KB, runtime ≤ 1.5 MB compressed.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { chromium } from "playwright-core";
import { startCluster } from "partition-lab";
import { runNotebooks, silentReporter } from "partition-lab/dist/runner";
import { directoryEffects, publishSite } from "partition-lab/dist/site/publish";

const ROOT = path.resolve(__dirname, "../..");
const PROBE_DIR = path.join(ROOT, ".cache", "bench-live");
const KB = (n: number) => `${(n / 1024).toFixed(0)} KB`;

async function liveSeconds(site: string, slugs: string[]): Promise<Map<string, number>> {
  const browser = await chromium.launch({
    executablePath: execFileSync("which", ["chromium"]).toString().trim(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const times = new Map<string, number>();
  try {
    for (const slug of slugs) {
      const page = await browser.newPage();
      await page.goto(`file://${path.join(site, `${slug}.html`)}`);
      const t0 = Date.now();
      await page.click("button.live-run-all");
      await page.waitForFunction(() => ["done", "failed"].includes(document.querySelector<HTMLElement>("article.lesson")!.dataset.live ?? ""), null, { timeout: 300_000 });
      const state = await page.evaluate(() => document.querySelector<HTMLElement>("article.lesson")!.dataset.live);
      times.set(slug, state === "done" ? (Date.now() - t0) / 1000 : NaN);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

/** The transpiler choice: bundle size for a browser and time to strip every course cell's types. */
async function transpilers(cells: string[]): Promise<void> {
  const esbuild = await import("esbuild");
  const { transform } = await import("sucrase");
  const ts = await import("typescript");
  const candidates = [
    { name: "sucrase", entry: `const { transform } = require("sucrase"); globalThis.t = transform;`, strip: (c: string) => transform(c, { transforms: ["typescript"], disableESTransforms: true, keepUnusedImports: true }).code },
    { name: "typescript transpileModule", entry: `globalThis.t = require("typescript").transpileModule;`, strip: (c: string) => ts.transpileModule(c, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true } }).outputText },
  ];
  fs.mkdirSync(PROBE_DIR, { recursive: true });
  console.log(`
transpiler (${cells.length} course cells, 5 rounds)      bundle gzip   strip all cells`);
  for (const c of candidates) {
    const entry = path.join(PROBE_DIR, `${c.name.split(" ")[0]}.js`);
    fs.writeFileSync(entry, c.entry);
    const out = await esbuild.build({ entryPoints: [entry], bundle: true, minify: true, platform: "browser", write: false, logLevel: "silent", external: ["fs", "path", "os", "crypto", "inspector", "perf_hooks", "source-map-support"] });
    const gz = zlib.gzipSync(out.outputFiles[0].text, { level: 9 }).length;
    for (const cell of cells) c.strip(cell); // warm up
    const t0 = performance.now();
    for (let round = 0; round < 5; round++) for (const cell of cells) c.strip(cell);
    console.log(`  ${c.name.padEnd(44)} ${KB(gz).padStart(8)}   ${((performance.now() - t0) / 5).toFixed(1).padStart(7)} ms`);
  }
  console.log("  esbuild-wasm (not installed; its 0.25 package measured once): esbuild.wasm 12.3 MB, 3.2 MB gzip — over the whole budget alone");
}

export async function runBenchmark(): Promise<void> {
  const dir = path.join(ROOT, "notebooks");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(dir, f));
  const cells = files.flatMap((f) => JSON.parse(fs.readFileSync(f, "utf8")).cells.filter((c: { cell_type: string }) => c.cell_type === "code").map((c: { source: string | string[] }) => (Array.isArray(c.source) ? c.source.join("") : c.source)));
  await transpilers(cells);
  const cluster = await startCluster();
  const runs = await runNotebooks(files, { jobs: 1, env: { KAFKA_BROKERS: cluster.bootstrap, PARTITION_LAB_CONTROL: cluster.controlUrl }, reporter: silentReporter });
  await cluster.stop();
  const failed = runs.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`notebooks failed in the runner: ${failed.map((r) => path.basename(r.path)).join(", ")}`);

  const site = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-bench-live-"));
  try {
    const written = await publishSite(runs.map((r) => ({ file: r.path, notebook: r.notebook as never })), directoryEffects(site));
    const slugs = files.map((f) => path.basename(f, ".ipynb"));
    const live = await liveSeconds(site, slugs);

    console.log("lesson                                   runner (kernel start)   live Run all   live / runner");
    let sumRunner = 0;
    let sumLive = 0;
    for (const run of runs) {
      const slug = path.basename(run.path, ".ipynb");
      const l = live.get(slug)!;
      sumRunner += run.seconds;
      sumLive += l;
      console.log(`${slug.padEnd(40)} ${run.seconds.toFixed(1).padStart(5)} s (${run.kernelStartSeconds.toFixed(1)} s)      ${Number.isNaN(l) ? "FAILED" : `${l.toFixed(1)} s`.padStart(8)}       ${(l / run.seconds).toFixed(2)}×`);
    }
    console.log(`${"all lessons".padEnd(40)} ${sumRunner.toFixed(1).padStart(5)} s               ${`${sumLive.toFixed(1)} s`.padStart(8)}       ${(sumLive / sumRunner).toFixed(2)}×`);

    const pages = written.filter((w) => /^\d.*\.html$/.test(w.file));
    const largest = pages.reduce((a, b) => (a.bytes > b.bytes ? a : b));
    const withScripts = (w: { bytes: number }) => w.bytes + ["app.js", "live.js", "style.css", "theme.js"].reduce((s, f) => s + fs.statSync(path.join(site, "assets", f)).size, 0);
    console.log(`\nlargest lesson page: ${largest.file} ${KB(largest.bytes)}, ${KB(withScripts(largest))} with its scripts and styles (budget 300 KB)`);
    let raw = 0;
    let gzip = 0;
    for (const file of ["live-runtime.js", "live-editor.js", "live-vega.js"]) {
      const bytes = fs.readFileSync(path.join(site, "assets", file));
      const packed = zlib.gzipSync(bytes, { level: 9 }).length;
      raw += bytes.length;
      gzip += packed;
      console.log(`  ${file.padEnd(18)} ${KB(bytes.length).padStart(8)} raw  ${KB(packed).padStart(7)} gzip`);
    }
    console.log(`live runtime, loaded on first Run: ${KB(raw)} raw, ${KB(gzip)} gzip (budget 1536 KB compressed)`);
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
}
