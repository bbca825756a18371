// Executed notebook → the data of one page: its course metadata and its
// cells rendered to HTML. The layout (./layout.ts) wraps it.
import * as path from "node:path";
import { html, raw, type SafeHtml } from "./html";
import { highlight } from "./highlight";
import { cellId, liveNotebook } from "../live/notebook-data";
import { renderMarkdown } from "./markdown";
import { renderOutput, type Output } from "./outputs";
import { actualOf, renderOutcome, renderPredictionQuestion, type PredictionMeta } from "./predictions";
import { renderQuiz, type Quiz } from "./quiz";

export type NotebookJson = {
  metadata: { "partition-lab"?: { title?: string; minutes?: number; step?: number; summary?: string } };
  cells: { id?: string; cell_type: string; source: string | string[]; metadata?: { tags?: string[]; quiz?: Quiz; prediction?: PredictionMeta }; outputs?: Output[] }[];
};

export type PageInfo = { slug: string; file: string; title: string; minutes: number; step?: number; summary: string };

const source = (s: string | string[]) => (Array.isArray(s) ? s.join("") : s);

export function pageInfo(file: string, nb: NotebookJson): PageInfo {
  const meta = nb.metadata["partition-lab"] ?? {};
  const slug = path.basename(file, ".ipynb");
  return { slug, file: path.basename(file), title: meta.title ?? slug, minutes: meta.minutes ?? 10, step: meta.step, summary: meta.summary ?? "" };
}

async function codeCell(id: string, code: string, outputs: Output[], solution: boolean, outcomeId?: string): Promise<SafeHtml> {
  const rendered = html`<div class="outputs">${await Promise.all(outputs.map(renderOutput))}</div>`;
  const body = html`<div class="code">
<button type="button" class="copy" aria-label="Copy code">Copy</button>
${raw(await highlight(code))}
</div>
${outcomeId ? renderOutcome([rendered], outcomeId, actualOf(outputs)) : rendered}`;
  return solution
    ? html`<details class="solution" data-cell-id="${id}"><summary>Show the solution</summary>${body}</details>`
    : html`<div class="cell" data-cell-id="${id}">${body}</div>`;
}

/** The code cells' sources for the live page, as JSON safe inside a <script> element. */
function liveData(nb: NotebookJson, slug: string): SafeHtml {
  const json = JSON.stringify(liveNotebook(slug, nb.cells)).replace(/</g, "\\u003c");
  return html`<script type="application/json" id="live-notebook">${raw(json)}</script>`;
}

/** The cells of a notebook as HTML; `linkTerms` (see ./glossary) links glossary terms in markdown cells. */
export async function renderCells(nb: NotebookJson, slug: string, linkTerms: (markup: string) => string = (m) => m): Promise<SafeHtml> {
  const parts: SafeHtml[] = [];
  let outcomeId: string | undefined; // set by a prediction cell: the next code cell's output answers it
  for (const [i, cell] of nb.cells.entries()) {
    const src = source(cell.source);
    if (cell.cell_type === "markdown") {
      parts.push(cell.metadata?.quiz ? renderQuiz(cell.metadata.quiz, `${slug}-${i}`) : html`<div class="markdown">${raw(linkTerms(renderMarkdown(src)))}</div>`);
    } else if (cell.cell_type === "code") {
      parts.push(await codeCell(cellId(cell, i), src, cell.outputs ?? [], cell.metadata?.tags?.includes("solution") ?? false, outcomeId));
      outcomeId = undefined;
      const prediction = cell.metadata?.prediction;
      if (prediction) {
        outcomeId = `${slug}-outcome-${i}`;
        parts.push(renderPredictionQuestion(prediction, outcomeId));
      }
    }
  }
  return html`${parts}${liveData(nb, slug)}`;
}
