// "Predict, then run" on the site: a code cell tagged `prediction` carries
// `metadata.prediction = { question, options }`. The page asks the question
// and keeps the *next* code cell's output folded until the reader answers;
// that cell's comparison output (PREDICTION_MIME) says what really happened,
// so the page can tell the reader whether the pick matched. Without
// JavaScript everything is simply shown.
import { PREDICTION_MIME } from "../lab/predictions";
import { html, type SafeHtml } from "./html";
import type { Output } from "./outputs";

export type PredictionMeta = { question: string; options: string[] };

/** Checks a prediction cell's metadata; returns a list of problems (empty when fine). */
export function predictionProblems(meta: unknown): string[] {
  const m = meta as PredictionMeta;
  if (!m || typeof m.question !== "string" || m.question.trim() === "") return ["prediction.question must be a non-empty string"];
  if (!Array.isArray(m.options) || m.options.length < 2 || !m.options.every((o) => typeof o === "string" && o.trim() !== "")) {
    return ["prediction.options must list at least two non-empty answers"];
  }
  return [];
}

/** What the comparison output says happened, if the cell printed one. */
export function actualOf(outputs: Output[]): string | undefined {
  for (const o of outputs) {
    const data = o.data?.[PREDICTION_MIME] as { actual?: unknown } | undefined;
    if (data && typeof data.actual === "string") return data.actual;
  }
  return undefined;
}

/** The question asked before the next cell's output is shown. */
export function renderPredictionQuestion(meta: PredictionMeta, id: string): SafeHtml {
  return html`<fieldset class="prediction" data-outcome="${id}">
<legend>Predict first: ${meta.question}</legend>
${meta.options.map((option, j) => html`<label><input type="radio" name="${id}-choice" value="${option}"> ${option}</label>`)}
<button type="button" class="reveal">Show what happened</button>
<p class="feedback" aria-live="polite"></p>
</fieldset>`;
}

/** The outputs that answer a prediction, folded by the page's script until the reader has chosen. */
export function renderOutcome(outputs: SafeHtml[], id: string, actual: string | undefined): SafeHtml {
  return html`<div class="prediction-outcome" id="${id}"${actual === undefined ? "" : html` data-actual="${actual}"`}>${outputs}</div>`;
}
