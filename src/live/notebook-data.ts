// What a lesson page embeds for its live mode: each code cell's id, source
// and tags, and — for a cell that needs something a browser lacks — why it
// cannot run there. Pure: the publisher calls it at build time.
import { transformCell } from "./cells/transform";

export type LiveCell = { id: string; source: string; tags: string[]; needs?: string };
export type LiveNotebook = { slug: string; cells: LiveCell[] };

/** Modules a cell may import in the page. */
export const BROWSER_MODULES = ["partition-lab", "kafkajs"];

/** Node-only things a cell could use without importing them. */
const NODE_ONLY: [RegExp, string][] = [
  [/\brequire\s*\(/, "require()"],
  [/\b__dirname\b|\b__filename\b/, "the file system"],
  [/\bprocess\.(stdin|stdout|argv|exit|cwd|chdir|kill)\b/, "the Node process"],
];

/** Why a cell cannot run in a browser, or undefined when it can. */
export function browserNeeds(source: string, tags: string[] = []): string | undefined {
  if (tags.includes("no-browser")) return "this cell is marked to run only in Jupyter";
  let imports: string[] = [];
  try {
    imports = transformCell(source).imports;
  } catch {
    return undefined; // a syntax error shows when the cell runs
  }
  const foreign = imports.filter((m) => !BROWSER_MODULES.includes(m));
  if (foreign.length > 0) return `it imports ${foreign.map((m) => `"${m}"`).join(", ")}, which needs Node`;
  const node = NODE_ONLY.find(([pattern]) => pattern.test(source));
  return node ? `it uses ${node[1]}, which needs Node` : undefined;
}

type CellJson = { id?: string; cell_type: string; source: string | string[]; metadata?: { tags?: string[] } };

/** The live data of a notebook: its code cells in order. */
export function liveNotebook(slug: string, cells: CellJson[]): LiveNotebook {
  return {
    slug,
    cells: cells.flatMap((cell, index) => {
      if (cell.cell_type !== "code") return [];
      const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
      const tags = cell.metadata?.tags ?? [];
      const needs = browserNeeds(source, tags);
      return [{ id: cellId(cell, index), source, tags, ...(needs ? { needs } : {}) }];
    }),
  };
}

/** A cell's id on the page: its nbformat id, or its position for older notebooks. */
export function cellId(cell: { id?: string }, index: number): string {
  return cell.id ?? `cell-${index}`;
}
