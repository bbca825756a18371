// What a live page was doing when a test gave up waiting for it, so that a
// rare stall explains itself in the CI log: the page's status line, the cell
// still running and what it printed so far — or, when the page does not
// answer at all (a cell or the in-page cluster keeps the main thread busy),
// the JavaScript stack the debugger finds when it pauses the page.
import type { CDPSession, Page } from "playwright-core";

const ANSWER_MS = 5_000;

type PageState = { status: string; running: { index: number; id: string; source: string; output: string }[] };

function within<T>(ms: number, promise: Promise<T>): Promise<T | "no answer"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"no answer">((resolve) => (timer = setTimeout(() => resolve("no answer"), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function readState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const cells = Array.from(document.querySelectorAll<HTMLElement>("article.lesson [data-cell-id]"));
    return {
      status: document.querySelector(".live-status")?.textContent ?? "",
      running: cells.flatMap((cell, index) =>
        cell.classList.contains("running")
          ? [{ index, id: cell.dataset.cellId ?? "", source: (cell.querySelector(".cm-content")?.textContent ?? "").slice(0, 400), output: (cell.querySelector(".live-outputs")?.textContent ?? "").slice(-1_500) }]
          : [],
      ),
    };
  });
}

type Paused = { callFrames: { functionName: string; url: string; location: { lineNumber: number; columnNumber?: number } }[] };

/** Pauses the page's main thread in the debugger and returns its call stack, innermost first. */
async function pausedStack(cdp: CDPSession): Promise<string[] | "no answer"> {
  try {
    const paused = new Promise<Paused>((resolve) => cdp.once("Debugger.paused", resolve));
    await cdp.send("Debugger.pause");
    const event = await within(ANSWER_MS, paused);
    if (event === "no answer") return event;
    return event.callFrames.map((f) => `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\//, "")}:${f.location.lineNumber + 1}:${(f.location.columnNumber ?? 0) + 1}`);
  } finally {
    await cdp.send("Debugger.resume").catch(() => {});
  }
}

export type StallWatch = {
  /** What the page is doing now, for a test that waited for it in vain. */
  report(): Promise<string>;
};

/**
 * Starts watching `page`: records its console messages and enables the
 * debugger now, because a page whose main thread is busy can no longer
 * enable it when the report is wanted.
 */
export async function watchForStalls(page: Page): Promise<StallWatch> {
  const consoleLines: string[] = [];
  page.on("console", (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  const cdp = await page.context().newCDPSession(page);
  // Until a report asks for a pause, a `debugger` statement in a cell or a library must not stop the
  // page. (Skipping all pauses would also refuse the report's: a busy page cannot be told to stop skipping.)
  let pausing = false;
  cdp.on("Debugger.paused", () => void (pausing || cdp.send("Debugger.resume").catch(() => {})));
  await cdp.send("Debugger.enable");
  return {
    async report() {
      const state = await within(ANSWER_MS, readState(page)).catch((err: Error) => `could not read the page: ${err.message}`);
      const lines: string[] = [];
      if (state === "no answer") {
        lines.push(`the page did not answer within ${ANSWER_MS / 1000} s: its main thread is busy`);
        pausing = true;
        const stack = await pausedStack(cdp).catch((err: Error) => `could not pause it: ${err.message}`);
        lines.push(typeof stack === "string" ? stack : ["where the debugger paused it:", ...stack.map((f) => `  at ${f}`)].join("\n"));
      } else if (typeof state === "string") {
        lines.push(state);
      } else {
        lines.push(`status line: ${state.status}`);
        if (state.running.length === 0) lines.push("no cell is marked running");
        for (const cell of state.running) lines.push(`running: cell ${cell.index + 1} (${cell.id})`, `  its code begins: ${cell.source.replace(/\s+/g, " ")}`, `  its output so far ends: ${cell.output || "(none)"}`);
      }
      if (consoleLines.length > 0) lines.push("the page's last console messages:", ...consoleLines.slice(-20).map((l) => `  ${l}`));
      return lines.join("\n");
    },
  };
}
