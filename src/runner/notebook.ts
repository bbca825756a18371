// nbformat 4 notebooks as plain typed data: read, normalise to 4.5 (cell
// ids), and write back the way Jupyter does (1-space indent, newline at end).
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import type { Output } from "./outputs";

export type Cell = {
  id?: string;
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: { tags?: string[]; [key: string]: unknown };
  outputs?: Output[];
  execution_count?: number | null;
  attachments?: unknown;
};

export type Notebook = {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec?: { name: string; display_name?: string; language?: string }; execution?: { timeout?: number }; [key: string]: unknown };
  cells: Cell[];
};

/** A cell's source as one string (nbformat allows a list of lines). */
export function sourceOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

export function hasTag(cell: Cell, tag: string): boolean {
  return cell.metadata?.tags?.includes(tag) ?? false;
}

/** Reads and checks a notebook file; errors name the file and what is wrong. */
export function readNotebook(file: string): Notebook {
  let nb: Notebook;
  try {
    nb = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`${file} is not a readable notebook: ${(err as Error).message}`);
  }
  if (nb?.nbformat !== 4 || !Array.isArray(nb.cells)) throw new Error(`${file} is not an nbformat 4 notebook`);
  return normalise(nb);
}

/** nbformat 4.5: every cell has an id; code cells have outputs and an execution count. */
export function normalise(nb: Notebook): Notebook {
  const seen = new Set<string>();
  nb.nbformat_minor = Math.max(nb.nbformat_minor ?? 0, 5);
  for (const cell of nb.cells) {
    cell.metadata ??= {};
    if (!cell.id || seen.has(cell.id)) cell.id = randomBytes(4).toString("hex");
    seen.add(cell.id);
    if (cell.cell_type === "code") {
      cell.outputs ??= [];
      cell.execution_count ??= null;
    }
  }
  return nb;
}

export function writeNotebook(file: string, nb: Notebook): void {
  fs.writeFileSync(file, JSON.stringify(nb, null, 1) + "\n");
}
