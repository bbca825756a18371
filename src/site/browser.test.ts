// The published site in real Chromium (Debian's, driven by playwright-core):
// pages load without errors or failed requests from file:// and over HTTP,
// charts are visible SVG, quizzes answer, progress survives a reload, the
// calculator agrees with src/lab, dark mode toggles. Screenshots go to
// test-results/site/ for review.
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partitionFor } from "../lab/partitioners";
import { directoryEffects, publishSite } from "./publish";
import { launchChromium, openPage } from "./test-support/chromium";

const FIXTURES = path.join(__dirname, "fixtures");
const SHOTS = path.resolve(__dirname, "../../test-results/site");
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-site-"));
let browser: Browser;
let server: http.Server;
let base: string;

beforeAll(async () => {
  const notebooks = ["01-fixture-lesson.ipynb", "02-second-lesson.ipynb"].map((f) => ({ file: path.join(FIXTURES, f), notebook: JSON.parse(fs.readFileSync(path.join(FIXTURES, f), "utf8")) }));
  await publishSite(notebooks, directoryEffects(outDir));
  server = http.createServer((req, res) => {
    const file = path.join(outDir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(outDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".ipynb": "application/json" }[path.extname(file)] ?? "application/octet-stream";
    res.writeHead(200, { "content-type": `${type}; charset=utf-8` }).end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  fs.rmSync(outDir, { recursive: true, force: true });
});

const open = (url: string) => openPage(browser, url);

const PAGES = ["index.html", "01-fixture-lesson.html", "02-second-lesson.html", "calculator.html", "glossary.html"];

describe("the site in Chromium", () => {
  it("loads every page from file:// and over HTTP without errors or failed requests", async () => {
    for (const name of PAGES) {
      for (const url of [`file://${path.join(outDir, name)}`, `${base}/${name}`]) {
        const { page, problems } = await open(url);
        expect(problems, url).toEqual([]);
        expect(await page.title()).toMatch(/partition-lab/);
        if (url.startsWith("http")) await page.screenshot({ path: path.join(SHOTS, name.replace(".html", ".png")), fullPage: true });
        await page.context().close();
      }
    }
  }, 60_000);

  it("shows charts as visible SVG", async () => {
    const { page } = await open(`${base}/01-fixture-lesson.html`);
    const box = await page.locator("figure.chart svg").first().boundingBox();
    expect(box!.width).toBeGreaterThan(50);
    expect(box!.height).toBeGreaterThan(50);
    expect(await page.locator("figure.chart svg .mark-rect path, figure.chart svg path").count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("checks quiz answers right and wrong", async () => {
    const { page } = await open(`${base}/01-fixture-lesson.html`);
    const first = page.locator("fieldset.question").first();
    await first.locator("input[value='1']").check();
    await first.locator("button.check").click();
    await expect.poll(() => first.locator(".feedback").textContent()).toMatch(/Not quite/);
    await first.locator("input[value='0']").check();
    await first.locator("button.check").click();
    await expect.poll(() => first.locator(".feedback").textContent()).toBe("Right!");
    expect(await first.locator("details.explanation").getAttribute("open")).not.toBeNull();
    await page.context().close();
  });

  it("asks a prediction before showing the output that answers it", async () => {
    const { page } = await open(`${base}/01-fixture-lesson.html`);
    const question = page.locator("fieldset.prediction");
    const outcome = page.locator(".prediction-outcome");
    expect(await outcome.isVisible()).toBe(false);
    await question.locator("button.reveal").click();
    await expect.poll(() => question.locator(".feedback").textContent()).toBe("Pick an answer first.");
    expect(await outcome.isVisible()).toBe(false);
    await question.locator("input[value='2']").check();
    await question.locator("button.reveal").click();
    await expect.poll(() => outcome.isVisible()).toBe(true);
    expect(await question.locator(".feedback").textContent()).toBe("Not what you predicted: it was \u201c0\u201d.");
    await question.locator("input[value='0']").check();
    await question.locator("button.reveal").click();
    await expect.poll(() => question.locator(".feedback").textContent()).toBe("You predicted it.");
    await page.locator("a.term").first().click();
    await expect.poll(() => page.url()).toMatch(/glossary\.html#partition$/);
    await page.context().close();
  });

  it("keeps lesson progress across a reload and counts it on the index", async () => {
    const { page } = await open(`${base}/01-fixture-lesson.html`);
    await page.locator("button.mark-done").click();
    await page.reload();
    expect(await page.locator("button.mark-done").getAttribute("aria-pressed")).toBe("true");
    await page.goto(`${base}/index.html`);
    expect(await page.locator("#lessons-done").textContent()).toBe("1");
    expect(await page.locator("#steps-done").textContent()).toBe("1");
    await page.context().close();
  });

  it("computes the same partitions as src/lab in the calculator", async () => {
    const { page } = await open(`file://${path.join(outDir, "calculator.html")}`);
    const keys = ["user1", "user2", "user123", "user456", "user789", "user999", "ключ", "café"];
    for (const n of [3, 4, 7]) {
      await page.fill("#calc-keys", keys.join("\n"));
      await page.fill("#calc-partitions", String(n));
      const rows = await page.locator("#calc-results tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)));
      expect(rows).toEqual(keys.map((k) => [k, String(partitionFor(k, n, "murmur2")), String(partitionFor(k, n, "consistent"))]));
    }
    expect(await page.locator("#calc-chart svg rect").count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("fits a phone screen: nothing wider than the viewport but scrollable code, tables and charts", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    for (const name of PAGES) {
      await page.goto(`${base}/${name}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(375);
    }
    await page.goto(`${base}/01-fixture-lesson.html`);
    await page.screenshot({ path: path.join(SHOTS, "01-fixture-lesson-phone.png") });
    await context.close();
  });

  it("toggles dark mode and remembers it", async () => {
    const { page } = await open(`${base}/index.html`);
    const theme = () => page.evaluate(() => document.documentElement.getAttribute("data-theme"));
    const before = await theme();
    await page.click("#theme-toggle");
    const after = await theme();
    expect(after).not.toBe(before);
    await page.reload();
    expect(await theme()).toBe(after);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(after === "dark" ? "rgb(13, 17, 23)" : "rgb(255, 255, 255)");
    await page.screenshot({ path: path.join(SHOTS, `index-${after}.png`) });
    await page.context().close();
  });

  it("colours code tokens with the light theme, and the dark one in dark mode", async () => {
    const { page, problems } = await open(`file://${path.join(outDir, "01-fixture-lesson.html")}`);
    // `const` is a keyword: github-light #D73A49, github-dark #F97583.
    const keyword = () => page.evaluate(() => {
      const span = Array.from(document.querySelectorAll(".shiki span span")).find((s) => s.textContent === "const")!;
      return getComputedStyle(span).color;
    });
    await page.evaluate(() => document.documentElement.setAttribute("data-theme", "light"));
    expect(await keyword()).toBe("rgb(215, 58, 73)");
    await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
    expect(await keyword()).toBe("rgb(249, 117, 131)");
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
