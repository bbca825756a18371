// The live test's stall report must say what a stuck page was doing, or the
// next rare stall in CI explains nothing: the running cell and its output
// when the page still answers, the stack of the busy loop when it does not.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../site/test-support/chromium";
import { watchForStalls } from "./stall-report";

let browser: Browser;
beforeAll(async () => void (browser = await launchChromium()));
afterAll(async () => browser?.close());

describe("the live test's stall report", () => {
  it("names the running cell, the start of its code and the end of its output", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent(`<article class="lesson"><span class="live-status">Running cell 2 of 2…</span>
      <div data-cell-id="nb-a"><div class="cm-content">done()</div><div class="live-outputs">ok</div></div>
      <div data-cell-id="nb-b" class="running"><div class="cm-content">await   consumer.run()</div><div class="live-outputs">waiting for partition 2</div></div></article>`);
    const watch = await watchForStalls(page);
    await page.evaluate(() => console.warn("slow"));
    const report = await watch.report();
    expect(report).toContain("status line: Running cell 2 of 2…");
    expect(report).toContain("running: cell 2 (nb-b)");
    expect(report).toContain("its code begins: await consumer.run()");
    expect(report).toContain("its output so far ends: waiting for partition 2");
    expect(report).toContain("  warning: slow");
    expect(report).not.toContain("busy");
    expect(report).not.toContain("nb-a");
    await page.context().close();
  });

  it("lets a watched page run past a debugger statement", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent("<article class='lesson'></article>");
    await watchForStalls(page);
    expect(await page.evaluate(() => {
      debugger;
      return "ran on";
    })).toBe("ran on");
    await page.context().close();
  }, 30_000);

  it("says a page whose main thread never yields is busy, with the stack of the loop", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent("<article class='lesson'></article>");
    const watch = await watchForStalls(page);
    await page.evaluate(() => void setTimeout(function spinForever() {
      for (;;);
    }, 0));
    const report = await watch.report();
    expect(report).toContain("its main thread is busy");
    expect(report).toMatch(/at spinForever /);
  }, 30_000);
});
