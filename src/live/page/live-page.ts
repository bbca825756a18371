// Live lessons (assets/live.js, on every lesson page): every code cell gets
// a Run button, the page Run all and Reset. The first Run (or "Make this page
// live") loads the editor and the runtime, with progress; cells then run in
// this page against an in-page cluster, and their outputs replace the
// build's. Edits are kept in localStorage until Reset.
import type { Kernel, LiveOutput } from "../browser/kernel";
import type { VegaApi } from "../browser/vega";
import type { CellEditor } from "../browser/editor-entry";
import type { LiveCell, LiveNotebook } from "../notebook-data";
import { global, loadScript } from "./loader";
import { renderOutput } from "./outputs";
import { clearEdits, loadEdits, saveEdit } from "./store";

type PageCell = LiveCell & { root: HTMLElement; code: HTMLElement; outputs: HTMLElement; live: HTMLElement; run: HTMLButtonElement; editor?: CellEditor };
type Editors = { mount(parent: HTMLElement, doc: string, hooks: { onChange(text: string): void; onRun(): void }): CellEditor };

const data = document.getElementById("live-notebook");
const article = document.querySelector<HTMLElement>("article.lesson");
if (data && article) start(JSON.parse(data.textContent ?? "{}") as LiveNotebook, article);

function button(label: string, className: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = className;
  b.textContent = label;
  return b;
}

function start(notebook: LiveNotebook, article: HTMLElement): void {
  const bar = document.createElement("div");
  bar.className = "live-bar";
  bar.setAttribute("role", "region");
  bar.setAttribute("aria-label", "Live notebook");
  const makeLive = button("Make this page live", "live-start");
  const runAll = button("Run all", "live-run-all");
  const reset = button("Reset", "live-reset");
  const progress = document.createElement("progress");
  progress.className = "live-progress";
  progress.max = 3;
  progress.hidden = true;
  const status = document.createElement("span");
  status.className = "live-status";
  status.setAttribute("aria-live", "polite");
  status.textContent = "Run the code of this lesson here, in your browser: nothing to install.";
  bar.append(makeLive, runAll, reset, progress, status);
  article.querySelector(".meta")?.after(bar) ?? article.prepend(bar);

  const setState = (state: string, message?: string) => {
    article.dataset.live = state;
    if (message !== undefined) status.textContent = message;
  };
  setState("static");

  const cells: PageCell[] = notebook.cells.flatMap((cell) => {
    const root = article.querySelector<HTMLElement>(`[data-cell-id="${CSS.escape(cell.id)}"]`);
    const code = root?.querySelector<HTMLElement>(".code");
    const outputs = root?.querySelector<HTMLElement>(".outputs");
    if (!root || !code || !outputs) return [];
    const run = button("Run", "live-run");
    run.setAttribute("aria-label", "Run this cell");
    code.prepend(run);
    const live = document.createElement("div");
    live.className = "live-outputs";
    live.setAttribute("aria-live", "polite");
    outputs.after(live);
    if (cell.needs) {
      run.disabled = true;
      const note = document.createElement("p");
      note.className = "live-needs";
      note.textContent = `Runs only in Jupyter: ${cell.needs}.`;
      code.after(note);
    }
    return [{ ...cell, root, code, outputs, live, run }];
  });

  let kernel: Kernel | undefined;
  let editorsReady: Promise<void> | undefined;
  let runtimeReady: Promise<Kernel> | undefined;
  const vega = () => loadScript("live-vega.js").then(() => global<VegaApi>("PartitionLabVega"));

  const currentSource = (cell: PageCell) => cell.editor?.get() ?? cell.source;

  function mountEditors(): Promise<void> {
    editorsReady ??= loadScript("live-editor.js").then(() => {
      const editors = global<Editors>("PartitionLabEditor");
      const edits = loadEdits(notebook.slug);
      for (const cell of cells) {
        const host = document.createElement("div");
        host.className = "live-editor";
        cell.code.querySelector("pre")?.setAttribute("hidden", "");
        cell.code.querySelector("button.copy")?.setAttribute("hidden", "");
        cell.code.appendChild(host);
        cell.editor = editors.mount(host, edits[cell.id] ?? cell.source, {
          onChange: (text) => {
            saveEdit(notebook.slug, cell.id, text, cell.source);
            cell.root.classList.toggle("edited", text !== cell.source);
          },
          onRun: () => void runOne(cell),
        });
        cell.root.classList.toggle("edited", edits[cell.id] !== undefined && edits[cell.id] !== cell.source);
      }
    });
    return editorsReady;
  }

  function goLive(): Promise<Kernel> {
    runtimeReady ??= (async () => {
      setState("loading", "Loading the editor…");
      progress.hidden = false;
      progress.value = 0;
      await mountEditors();
      progress.value = 1;
      status.textContent = "Loading the runtime: cluster, kafkajs, TypeScript…";
      await loadScript("live-runtime.js");
      progress.value = 2;
      kernel = global<{ createKernel(o: { loadVega: () => Promise<VegaApi> }): Kernel }>("PartitionLabLive").createKernel({ loadVega: vega });
      progress.value = 3;
      progress.hidden = true;
      makeLive.hidden = true;
      setState("ready", "Live: edit any cell and run it (Shift-Enter). Cells run in this page against a cluster in this page.");
      return kernel;
    })().catch((err: Error) => {
      runtimeReady = undefined;
      progress.hidden = true;
      setState("failed", `Could not make the page live: ${err.message}`);
      throw err;
    });
    return runtimeReady;
  }

  async function execute(k: Kernel, cell: PageCell): Promise<boolean> {
    cell.outputs.hidden = true;
    cell.live.textContent = "";
    cell.root.classList.add("running");
    const expected = cell.tags.includes("raises-exception");
    const sink = (o: LiveOutput) => renderOutput(cell.live, o, vega, expected);
    const ok = await k.run(cell.id, currentSource(cell), sink);
    cell.root.classList.remove("running");
    cell.root.dataset.ran = ok ? "ok" : expected ? "expected-error" : "error";
    return ok || expected;
  }

  let busy = false;
  async function exclusive(task: (k: Kernel) => Promise<void>): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      await task(await goLive());
    } catch {
      // goLive reported it
    } finally {
      busy = false;
    }
  }

  function runOne(cell: PageCell): Promise<void> {
    return exclusive(async (k) => {
      setState("running", "Running…");
      const ok = await execute(k, cell);
      setState(ok ? "done" : "failed", ok ? "Done." : "The cell failed: see its output.");
    });
  }

  runAll.addEventListener("click", () =>
    void exclusive(async (k) => {
      setState("running", "Restarting…");
      await k.restart();
      for (const cell of cells) {
        cell.live.textContent = "";
        cell.outputs.hidden = false;
      }
      const runnable = cells.filter((c) => !c.needs);
      for (const [i, cell] of runnable.entries()) {
        status.textContent = `Running cell ${i + 1} of ${runnable.length}…`;
        if (!(await execute(k, cell))) {
          cell.root.scrollIntoView({ block: "center" });
          setState("failed", `Stopped at cell ${i + 1}: it failed (see its output).`);
          return;
        }
      }
      setState("done", `Ran all ${runnable.length} cells.`);
    }),
  );
  makeLive.addEventListener("click", () => void goLive().catch(() => {}));
  for (const cell of cells) cell.run.addEventListener("click", () => void runOne(cell));
  reset.addEventListener("click", () =>
    void (async () => {
      if (busy) return;
      clearEdits(notebook.slug);
      for (const cell of cells) {
        cell.editor?.set(cell.source);
        cell.root.classList.remove("edited");
        cell.live.textContent = "";
        cell.outputs.hidden = false;
        delete cell.root.dataset.ran;
      }
      clearEdits(notebook.slug);
      await kernel?.restart();
      setState(kernel ? "ready" : "static", "Reset: the lesson's own code and outputs are back.");
    })(),
  );
  // Edits from an earlier visit: show them at once.
  if (Object.keys(loadEdits(notebook.slug)).length > 0) {
    void mountEditors().then(() => (status.textContent = "Your edits from last time are back (Reset restores the lesson's code)."));
  }
}
