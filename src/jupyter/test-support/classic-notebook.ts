// Driving classic Jupyter Notebook (6.x) in a real browser, as a learner
// does: open a notebook, Cell > Run All or Kernel > Restart & Run All, wait for
// the kernel's reply to every cell, then read what the page shows.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";

export type CellReport = {
  /** 1-based, counting markdown cells, as Jupyter's UI shows position. */
  position: number;
  type: string;
  source: string;
  /** The "In [n]" number; null if the cell never ran. */
  executionCount: number | null;
  /** The status of the kernel's execute_reply ("ok", "error", "aborted"/"abort"); undefined: no reply. */
  replyStatus?: string;
  stdout: string;
  stderr: string;
  /** Error outputs (nbformat "error"), as "ename: evalue". */
  errors: string[];
  /** Vega-Lite outputs, those with an image/svg+xml rendering, and SVGs visible on the page. */
  charts: number;
  chartsWithSvg: number;
  visibleSvgs: number;
  /** For markdown cells: the text the page shows. */
  rendered: string;
};

export type NotebookReport = {
  kernelName: string;
  kernelDisplayName: string;
  implementation: string;
  cells: CellReport[];
};

type Window = { Jupyter: any; requirejs: any; __replies: { cell: number; status: string }[] };

// waitForFunction polls on every animation frame by default: in headless
// Chromium that alone costs seconds of CPU per tab, so poll on a timer.

/** Opens a notebook and records every execute_reply its cells get from now on. */
export async function openNotebook(page: Page, url: string, timeoutMs: number): Promise<void> {
  await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
  await page.waitForFunction(() => (window as unknown as Window).Jupyter?.notebook?.kernel?.is_connected() === true, null, { timeout: timeoutMs, polling: 250 });
  // CodeCell.get_callbacks binds _handle_execute_reply at each execution, so a
  // patched prototype sees every reply from now on, with its status.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const w = window as unknown as Window;
        w.__replies = [];
        w.requirejs(["notebook/js/codecell"], (codecell: any) => {
          const proto = codecell.CodeCell.prototype;
          const original = proto._handle_execute_reply;
          proto._handle_execute_reply = function (this: unknown, msg: { content: { status: string } }) {
            w.__replies.push({ cell: w.Jupyter.notebook.find_cell_index(this), status: msg.content.status });
            return original.apply(this, [msg]);
          };
          resolve();
        });
      }),
  );
}

/** The two ways the menus run a whole notebook: Cell > Run All, or Kernel > Restart & Run All (and its confirmation). */
export type RunAllMenu = "run-all" | "restart-run-all";

export async function runAllFromMenu(page: Page, menu: RunAllMenu): Promise<void> {
  await page.evaluate(() => ((window as unknown as Window).__replies = []));
  if (menu === "run-all") {
    await page.click("#celllink");
    await page.click("#run_all_cells");
    return;
  }
  await page.click("#kernellink");
  await page.click("#restart_run_all");
  await page.click('.modal-dialog button.btn-danger:has-text("Restart and Run All Cells")');
}

/** Waits until every code cell got its execute_reply (whatever its status); throws after `timeoutMs`. */
export async function waitForAllReplies(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as Window;
      const code = w.Jupyter.notebook.get_cells().filter((c: any) => c.cell_type === "code").length;
      return new Set(w.__replies.map((r) => r.cell)).size >= code;
    },
    null,
    { timeout: timeoutMs, polling: 250 },
  );
}

/** What the page shows, cell by cell, and which kernel runs it. */
export function readReport(page: Page): Promise<NotebookReport> {
  return page.evaluate(() => {
    const w = window as unknown as Window;
    const nb = w.Jupyter.notebook;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 50 && r.height > 50 && getComputedStyle(el).visibility !== "hidden";
    };
    const cells = nb.get_cells().map((cell: any, i: number) => {
      const outputs: any[] = cell.output_area?.outputs ?? [];
      const stream = (name: string) => outputs.filter((o) => o.output_type === "stream" && o.name === name).map((o) => o.text).join("");
      const charts = outputs.filter((o) => o.data?.["application/vnd.vegalite.v5+json"]);
      const reply = w.__replies.filter((r) => r.cell === i).at(-1);
      return {
        position: i + 1,
        type: cell.cell_type,
        source: cell.get_text(),
        executionCount: cell.input_prompt_number ?? null,
        replyStatus: reply?.status,
        stdout: stream("stdout"),
        stderr: stream("stderr"),
        errors: outputs.filter((o) => o.output_type === "error").map((o) => `${o.ename}: ${o.evalue}`),
        charts: charts.length,
        chartsWithSvg: charts.filter((o) => o.data["image/svg+xml"]).length,
        visibleSvgs: [...cell.element[0].querySelectorAll(".output_svg svg")].filter(visible).length,
        rendered: cell.cell_type === "markdown" ? (cell.element[0].querySelector(".text_cell_render")?.textContent ?? "") : "",
      };
    });
    return {
      kernelName: nb.kernel.name,
      kernelDisplayName: document.querySelector(".kernel_indicator_name")?.textContent ?? "",
      implementation: nb.kernel.info_reply?.implementation ?? "",
      cells,
    };
  });
}

/** The whole notebook in one picture (classic Notebook scrolls inside #site, not the page). */
export async function screenshotNotebook(page: Page, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.evaluate(() => {
    const site = document.querySelector<HTMLElement>("#site");
    if (site) Object.assign(site.style, { height: "auto", overflow: "visible" });
  });
  await page.screenshot({ path: file, fullPage: true });
}
