// Executed notebook → the data of one page: its course metadata and its
// cells rendered to HTML. The layout (./layout.ts) wraps it.
import * as path from "node:path";
import { html, raw, type SafeHtml } from "./html";
import { highlight } from "./highlight";
import { cellId, liveNotebook } from "../live/notebook-data";
import { renderMarkdown } from "./markdown";
import { renderOutput, type Output } from "./outputs";
import { renderQuiz, type Quiz } from "./quiz";

export type NotebookJson = {
  metadata: { "partition-lab"?: { title?: string; minutes?: number; step?: number; summary?: string } };
  cells: { id?: string; cell_type: string; source: string | string[]; metadata?: { tags?: string[]; quiz?: Quiz }; outputs?: Output[] }[];
};

export type PageInfo = { slug: string; file: string; title: string; minutes: number; step?: number; summary: string };

const source = (s: string | string[]) => (Array.isArray(s) ? s.join("") : s);

export function pageInfo(file: string, nb: NotebookJson): PageInfo {
  const meta = nb.metadata["partition-lab"] ?? {};
  const slug = path.basename(file, ".ipynb");
  return { slug, file: path.basename(file), title: meta.title ?? slug, minutes: meta.minutes ?? 10, step: meta.step, summary: meta.summary ?? "" };
}

async function codeCell(id: string, code: string, outputs: Output[], solution: boolean): Promise<SafeHtml> {
  const body = html`<div class="code">
<button type="button" class="copy" aria-label="Copy code">Copy</button>
${raw(await highlight(code))}
</div>
<div class="outputs">${await Promise.all(outputs.map(renderOutput))}</div>`;
  return solution
    ? html`<details class="solution" data-cell-id="${id}"><summary>Show the solution</summary>${body}</details>`
    : html`<div class="cell" data-cell-id="${id}">${body}</div>`;
}

/** The code cells' sources for the live page, as JSON safe inside a <script> element. */
function liveData(nb: NotebookJson, slug: string): SafeHtml {
  const json = JSON.stringify(liveNotebook(slug, nb.cells)).replace(/</g, "\\u003c");
  return html`<script type="application/json" id="live-notebook">${raw(json)}</script>`;
}

/** The cells of a notebook as HTML. */
export async function renderCells(nb: NotebookJson, slug: string): Promise<SafeHtml> {
  const parts: SafeHtml[] = [];
  for (const [i, cell] of nb.cells.entries()) {
    const src = source(cell.source);
    if (cell.cell_type === "markdown") {
      parts.push(cell.metadata?.quiz ? renderQuiz(cell.metadata.quiz, `${slug}-${i}`) : html`<div class="markdown">${raw(renderMarkdown(src))}</div>`);
    } else if (cell.cell_type === "code") {
      parts.push(await codeCell(cellId(cell, i), src, cell.outputs ?? [], cell.metadata?.tags?.includes("solution") ?? false));
    }
  }
  return html`${parts}${liveData(nb, slug)}`;
}
