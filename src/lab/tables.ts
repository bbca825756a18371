// Tables for notebooks: HTML for Jupyter and the site, aligned text for
// terminals and plain-text viewers — one MIME bundle.
import { display, type MimeBundle } from "./display";
import { escapeHtml } from "./html";

export type Row = Record<string, string | number | bigint | boolean | null | undefined>;

const cell = (v: Row[string]) => (v === null || v === undefined ? "" : String(v));

/** Aligned plain text: columns padded, numbers right-aligned. */
export function tableText(rows: Row[], columns = columnsOf(rows)): string {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => typeof r[c] === "number" || typeof r[c] === "bigint"));
  const line = (values: string[]) => values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join("\n");
}

export function tableHtml(rows: Row[], columns = columnsOf(rows)): string {
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = rows.map((r) => `<tr>${columns.map((c) => `<td>${escapeHtml(cell(r[c]))}</td>`).join("")}</tr>`).join("");
  return `<table class="partition-lab-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function columnsOf(rows: Row[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r)))];
}

export function tableBundle(rows: Row[], columns?: string[]): MimeBundle {
  return { "text/html": tableHtml(rows, columns), "text/plain": tableText(rows, columns) };
}

/** Displays rows as a table in the notebook (HTML + text). */
export function showTable(rows: Row[], columns?: string[]): void {
  display(tableBundle(rows, columns));
}
