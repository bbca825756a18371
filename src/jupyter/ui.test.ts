// The course where learners run it: Debian's classic Jupyter Notebook,
// started by `partition-lab lab`'s own code (throwaway Jupyter config, data
// and runtime folders), driven in Chromium. On every course notebook,
// Cell > Run All from the menu (Kernel > Restart & Run All where each kernel
// starts its own cluster: the restarted kernel must start another), then:
// every code cell ran (the kernel's reply is "ok" and the cell has its
// number), no error, our tslab kernel picked by name, every chart visible
// (the SVG fallback: classic Notebook has no Vega-Lite renderer), no callout
// shown as literal "[!NOTE]", and each notebook says it uses the expected
// cluster — every notebook with one cluster for all (KAFKA_BROKERS); with
// none (each kernel starts its own), the first lesson and the fault-injection
// one (06): course-nbclient.test.ts runs every notebook that way through
// Jupyter's nbclient, and two more minutes of browser would buy little else.
// Screenshots: test-results/jupyter/<scenario>/.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KERNEL_DISPLAY_NAME, KERNEL_NAME } from "../runner/kernelspec";
import { startLab, type RunningLab } from "./lab";
import { openNotebook, readReport, runAllFromMenu, screenshotNotebook, waitForAllReplies, type RunAllMenu } from "./test-support/classic-notebook";
import { runAllProblems } from "./test-support/run-all-checks";

const ROOT = path.resolve(__dirname, "../..");
const COURSE = path.join(ROOT, "notebooks");
// Inside the checkout, so that the copies resolve "partition-lab" through its node_modules as notebooks/ does.
const RESULTS = path.join(ROOT, "test-results", "jupyter");
const NOTEBOOKS = fs.readdirSync(COURSE).filter((f) => f.endsWith(".ipynb")).sort();
/** Tabs running at once: every kernel compiles with tslab, and the machine has two cores. */
const TABS = 4;
const OPEN_MS = 60_000;
const RUN_ALL_MS = 150_000;
// Past the deadlines above (two waves of tabs, plus Jupyter's start and stop), so that
// a slow notebook fails with its own message rather than as a timed-out test.
const scenarioMs = (notebooks: string[]) => Math.ceil(notebooks.length / TABS) * (OPEN_MS + RUN_ALL_MS) + 90_000;

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: execFileSync("which", ["chromium"]).toString().trim(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 60_000);

afterAll(async () => browser?.close());

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Runs `task` on every item, at most `limit` at a time; results in input order. */
async function inParallel<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Runs one whole notebook from `menu` in its own tab; its problems, or why the run itself broke. */
async function runAll(lab: RunningLab, dir: string, file: string, menu: RunAllMenu, clusterLine: RegExp, shots: string): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const started = Date.now();
  try {
    const notStarted = await openNotebook(page, lab.notebookUrl(file), OPEN_MS)
      .then(() => runAllFromMenu(page, menu))
      .then(() => "", (err: Error) => `could not open it and start ${menu}: ${err.message.split("\n")[0]}`);
    const opened = Date.now();
    if (notStarted) {
      await screenshotNotebook(page, path.join(shots, file.replace(/\.ipynb$/, ".png")));
      return [notStarted];
    }
    const finished = await waitForAllReplies(page, RUN_ALL_MS).then(() => "", (err: Error) => `Run All did not finish within ${RUN_ALL_MS / 1000} s (${err.message.split("\n")[0]})`);
    console.log(`${file}: opened in ${((opened - started) / 1000).toFixed(1)} s, ${menu} ${((Date.now() - opened) / 1000).toFixed(1)} s`);
    const report = await readReport(page);
    await screenshotNotebook(page, path.join(shots, file.replace(/\.ipynb$/, ".png")));
    const requestedKernel = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")).metadata?.kernelspec?.name;
    const problems = runAllProblems(report, { kernelName: KERNEL_NAME, kernelDisplayName: KERNEL_DISPLAY_NAME, requestedKernel, clusterLine });
    return finished ? [finished, ...problems] : problems;
  } finally {
    await page.close();
  }
}

const scenarios = [
  {
    name: "one-shared-cluster",
    what: "one embedded cluster for all, in KAFKA_BROKERS",
    kafka: "shared" as const,
    menu: "run-all" as const,
    notebooks: NOTEBOOKS,
    clusterLine: (lab: RunningLab) => new RegExp(`^Using the Kafka cluster in KAFKA_BROKERS: ${escape(lab.kafka.kind === "shared" ? lab.kafka.bootstrap : "?")}$`),
  },
  {
    name: "no-cluster",
    what: "no cluster running (each kernel starts its own)",
    kafka: "per-notebook" as const,
    // Restart & Run All: the restarted kernel must start a cluster of its own again.
    menu: "restart-run-all" as const,
    notebooks: NOTEBOOKS.filter((f) => /^(01|06)-/.test(f)),
    clusterLine: () => /^PARTITION_LAB_CLUSTER=embedded: started an embedded 3-broker cluster in this kernel at 127\.0\.0\.1:\d+/,
  },
];

describe("the course in Jupyter Notebook's UI", () => {
  it.each(scenarios)("every notebook runs to the end ($menu), with $what", async (scenario) => {
    const out = path.join(RESULTS, scenario.name);
    const dir = path.join(out, "notebooks");
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    // Copies: Jupyter must never save outputs into the course's own files.
    for (const file of scenario.notebooks) fs.copyFileSync(path.join(COURSE, file), path.join(dir, file));
    const env = { ...process.env };
    delete env.KAFKA_BROKERS;
    delete env.PARTITION_LAB_CONTROL;
    const lab = await startLab({ notebooksDir: dir, flavor: "notebook", isolated: true, openBrowser: false, port: 0, kafka: scenario.kafka, env });
    try {
      expect(lab.kafka.source).toBe(scenario.kafka === "shared" ? "embedded" : "per-notebook");
      expect(scenario.notebooks.length).toBeGreaterThanOrEqual(2);
      const problems = await inParallel(scenario.notebooks, TABS, (file) => runAll(lab, dir, file, scenario.menu, scenario.clusterLine(lab), out));
      const failing = Object.fromEntries(scenario.notebooks.map((file, i) => [file, problems[i]]).filter(([, p]) => p.length > 0));
      expect(failing, `screenshots in ${out}`).toEqual({});
    } finally {
      await lab.stop();
    }
  }, scenarioMs(NOTEBOOKS));
});
