// What must agree between a lesson run by the build (tslab, Node, TCP) and
// the same lesson run live in a page: per cell, the checks that passed (their
// words; the numbers in them may be measurements, such as a lag's peak or a
// drain time, so they are masked), the number of tables with their headers
// and row counts, which partition each key went to, and the number of charts.
// Everything else (topic names with their random suffix, addresses, timings,
// a retry's exact reordering) may differ.

export type OutputPart =
  | { type: "stream"; text: string }
  | { type: "table"; headers: string[]; rows: string[][] }
  | { type: "chart" }
  | { type: "error"; text: string };

export type CellSignature = { checks: string[]; tables: { headers: string[]; rows: number; placements: string[] }[]; charts: number };

type NbOutput = { output_type: string; text?: string | string[]; data?: Record<string, unknown> };

const joined = (v: unknown) => (Array.isArray(v) ? v.join("") : String(v ?? ""));
/** uniqueTopic's suffix: base36 milliseconds and four random characters. */
const UNIQUE = /-[0-9a-z]{8}-[0-9a-z]{4}\b/g;
/** A number in a check's text: a count or a measurement. */
const NUMBER = /\d+(?:[.,]\d+)*/g;
const PLACEMENT = /^(partition|partitions|murmur2|consistent|crc32|toPositive|murmur2 \(signed\)|% \d+)$/;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

function unescape(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
}

/** A table our `tableHtml` wrote, back to headers and rows. */
export function parseTableHtml(markup: string): { headers: string[]; rows: string[][] } {
  const cells = (row: string, tag: string) => [...row.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => unescape(m[1]));
  const rows = [...markup.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);
  return { headers: rows.length > 0 ? cells(rows[0], "th") : [], rows: rows.slice(1).map((r) => cells(r, "td")) };
}

/** A notebook cell's outputs (nbformat) as parts. */
export function partsOfNotebookOutputs(outputs: NbOutput[]): OutputPart[] {
  return outputs.flatMap((o): OutputPart[] => {
    if (o.output_type === "stream") return [{ type: "stream", text: joined(o.text) }];
    if (o.output_type === "error") return [{ type: "error", text: joined((o as { traceback?: string[] }).traceback) }];
    const data = o.data ?? {};
    if (Object.keys(data).some((k) => k.startsWith("application/vnd.vegalite"))) return [{ type: "chart" }];
    if (data["text/html"] !== undefined) return [{ type: "table", ...parseTableHtml(joined(data["text/html"])) }];
    return [];
  });
}

/** The deterministic part of one cell's outputs. */
export function signature(parts: OutputPart[]): CellSignature {
  const text = parts.filter((p) => p.type === "stream").map((p) => (p as { text: string }).text).join("");
  const checks = text.split("\n").filter((l) => l.startsWith("✓")).map((l) => l.replace(UNIQUE, "-…").replace(NUMBER, "#").trimEnd());
  const tables = parts.flatMap((p) => {
    if (p.type !== "table") return [];
    const keyAt = p.headers.indexOf("key");
    const placed = p.headers.map((h, i) => (PLACEMENT.test(h) ? i : -1)).filter((i) => i >= 0);
    const placements = keyAt < 0 || placed.length === 0 ? [] : p.rows.map((r) => [r[keyAt], ...placed.map((i) => `${p.headers[i]}=${r[i]}`)].join(" ")).sort();
    return [{ headers: p.headers, rows: p.rows.length, placements }];
  });
  return { checks, tables, charts: parts.filter((p) => p.type === "chart").length };
}
