// Debian's Chromium through playwright-core, for the site's browser tests:
// one launch with the flags that work on this machine, and pages that record
// what a reader would call a problem (console errors, page errors, failed or
// refused requests, and any request leaving the machine).
import { execFileSync } from "node:child_process";
import { chromium, type Browser, type Page } from "playwright-core";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: execFileSync("which", ["chromium"]).toString().trim(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

const LOCAL = /^(file:|data:|blob:|https?:\/\/127\.0\.0\.1[:/])/;

/** Opens `url` in a new context; `problems` fills as the page runs. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => !LOCAL.test(r.url()) && problems.push(`external request: ${r.url()}`));
  page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(url, { waitUntil: "load" });
  return { page, problems };
}
