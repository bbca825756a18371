// The live lessons in real Chromium from file://, as a reader with only a
// browser gets them: every lesson page runs all its cells in the page (the
// in-page cluster, fault injection included) with no error, no console error
// and no request leaving the page; the live outputs agree with the build's
// on everything deterministic; a chart is drawn live; an edited cell re-runs
// with a new output, survives a reload, and Reset restores the lesson.
// The executed notebooks and the pages come from this test run's course build.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseBuild } from "../build/test-support/course-build";
import { launchChromium, openPage } from "../site/test-support/chromium";
import { partsOfNotebookOutputs, signature, type OutputPart } from "./test-support/signature";
import { watchForStalls, type StallWatch } from "./test-support/stall-report";

let outDir: string;
type Executed = { slug: string; cells: { id: string; tags: string[]; outputs: never[] }[] };
let lessons: Executed[] = [];
let browser: Browser;

beforeAll(async () => {
  const built = await courseBuild();
  if (!built.ok) throw new Error(`the course build failed (course.test.ts reports how)\n${built.failures.join("\n")}`);
  outDir = built.siteDir;
  const dir = path.join(outDir, "notebooks");
  lessons = fs.readdirSync(dir).sort().map((f) => {
    const nb = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
    const cells = nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code").map((c: { id: string; metadata: { tags?: string[] }; outputs: never[] }) => ({ id: c.id, tags: c.metadata.tags ?? [], outputs: c.outputs }));
    return { slug: f.replace(/\.ipynb$/, ""), cells };
  });
  browser = await launchChromium();
}, 1_400_000); // the shared course build may still be running

afterAll(async () => {
  await browser?.close();
});

/** Opens a lesson from disk, recording console errors, page errors and any request that is not a local file. */
async function open(slug: string) {
  const opened = await openPage(browser, `file://${path.join(outDir, `${slug}.html`)}`);
  watches.set(opened.page, await watchForStalls(opened.page));
  return opened;
}
const watches = new Map<Page, StallWatch>();

/** Waits until the page's run ends; past `timeout`, fails with what the page was doing (see stall-report.ts). */
async function settle(page: Page, timeout = 150_000): Promise<string> {
  try {
    await page.waitForFunction(() => ["done", "failed"].includes(document.querySelector<HTMLElement>("article.lesson")!.dataset.live ?? ""), null, { timeout });
  } catch (err) {
    if ((err as Error).name !== "TimeoutError") throw err;
    throw new Error(`${page.url().replace(/^.*\//, "")}: the run did not end within ${timeout / 1000} s\n${await watches.get(page)?.report()}`);
  }
  return page.evaluate(() => document.querySelector<HTMLElement>("article.lesson")!.dataset.live!);
}

/** Each cell's live outputs, read back from the page. */
function liveParts(page: Page): Promise<Record<string, { ran?: string; parts: OutputPart[] }>> {
  return page.evaluate(() => {
    const out: Record<string, { ran?: string; parts: unknown[] }> = {};
    for (const cell of Array.from(document.querySelectorAll<HTMLElement>("[data-cell-id]"))) {
      const area = cell.querySelector(".live-outputs");
      const parts = Array.from(area?.children ?? []).map((el) => {
        if (el.matches("pre.output.stream")) return { type: "stream", text: el.textContent };
        if (el.matches("pre.output.error")) return { type: "error", text: el.textContent };
        if (el.matches("figure.chart")) return { type: "chart" };
        const rows = Array.from(el.querySelectorAll("tr")).map((tr) => Array.from(tr.children).map((c) => c.textContent ?? ""));
        return rows.length > 0 ? { type: "table", headers: rows[0], rows: rows.slice(1) } : { type: "text", text: el.textContent };
      });
      out[cell.dataset.cellId!] = { ran: cell.dataset.ran, parts };
    }
    return out as never;
  });
}

async function runLesson(lesson: Executed): Promise<void> {
  const { page, problems } = await open(lesson.slug);
  await page.click("button.live-run-all");
  const state = await settle(page);
  const live = await liveParts(page);
  const errors = Object.entries(live).flatMap(([id, c]) => c.parts.filter((p) => p.type === "error").map((p) => `${id}: ${(p as { text: string }).text}`));
  expect(errors, `${lesson.slug}: error outputs`).toEqual([]);
  expect(state, lesson.slug).toBe("done");
  expect(problems, lesson.slug).toEqual([]);
  for (const cell of lesson.cells) {
    const expected = cell.tags.includes("raises-exception") ? "expected-error" : "ok";
    expect(live[cell.id]?.ran, `${lesson.slug} cell ${cell.id} ran`).toBe(expected);
    if (expected === "ok") expect(signature(live[cell.id].parts), `${lesson.slug} cell ${cell.id}`).toEqual(signature(partsOfNotebookOutputs(cell.outputs)));
  }
  await page.context().close();
}

describe("live lessons in Chromium, from file://", () => {
  it("run every lesson with Run all and agree with the build", async () => {
    expect(lessons.length).toBeGreaterThanOrEqual(8);
    // Two pages at a time: each runs its own in-page cluster.
    const queue = [...lessons];
    await Promise.all([0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await runLesson(next);
    }));
  }, 400_000);

  it("draw a chart live with vega, loaded only for it", async () => {
    const withChart = lessons.find((l) => l.cells.some((c) => partsOfNotebookOutputs(c.outputs).some((p) => p.type === "chart")))!;
    const { page, problems } = await open(withChart.slug);
    const scripts = () => page.evaluate(() => Array.from(document.scripts).map((s) => s.src.replace(/^.*\//, "")).filter((s) => s.startsWith("live")));
    expect(await scripts()).toEqual(["live.js"]);
    await page.click("button.live-run-all");
    expect(await settle(page)).toBe("done");
    expect(await scripts()).toEqual(expect.arrayContaining(["live-editor.js", "live-runtime.js", "live-vega.js"]));
    const box = await page.locator(".live-outputs figure.chart svg").first().boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(await page.locator(".live-outputs figure.chart svg path").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 200_000);

  it("re-runs an edited cell with a new key, keeps the edit across a reload, and Reset restores the lesson", async () => {
    const lesson = lessons[0];
    const { page, problems } = await open(lesson.slug);
    const id = lesson.cells[lesson.cells.length - 1].id;
    const cell = page.locator(`[data-cell-id="${id}"]`);
    await page.click("button.live-start");
    await page.waitForFunction(() => document.querySelector<HTMLElement>("article.lesson")!.dataset.live === "ready");
    const original = await cell.locator(".cm-content").innerText();
    const edit = async (key: string) => {
      await cell.locator(".cm-content").click();
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(`import { partitionFor } from "partition-lab";\nconsole.log(\`${key} → \${partitionFor("${key}", 3)}\`);`);
      await cell.locator("button.live-run").click();
      await settle(page);
      return cell.locator(".live-outputs").innerText();
    };
    expect(await edit("user1")).toContain("user1 → 0");
    expect(await edit("user2")).toContain("user2 → 2");
    await page.reload();
    await expect.poll(() => cell.locator(".cm-content").innerText(), { timeout: 20_000 }).toContain('partitionFor("user2", 3)');
    await page.click("button.live-reset");
    await expect.poll(() => cell.locator(".cm-content").innerText()).toBe(original);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("partition-lab:edits:")))).toEqual([]);
    expect(await cell.locator(".outputs").getAttribute("hidden")).toBeNull();
    expect(await cell.locator(".live-outputs").innerText()).toBe("");
    expect(problems).toEqual([]);
    await page.context().close();
  }, 200_000);
});
