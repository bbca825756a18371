// Every course notebook is well-formed and follows notebooks/CONVENTIONS.md:
// nbformat 4.5 with unique cell ids, the partition-lab kernelspec, course
// metadata, outputs cleared (the build runs them), callouts and hints that
// read well in classic Notebook, refusals that never throw, solutions in a
// closing section and folded, predictions that the site can ask, a chart,
// quiz answers checked by a cell, and a glossary whose terms are taught where
// it says.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parseGlossary } from "../site/glossary";
import { predictionProblems } from "../site/predictions";
import { quizProblems } from "../site/quiz";

const DIR = path.resolve(__dirname, "../../notebooks");
const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".ipynb")).sort();

type Cell = { id: string; cell_type: string; source: string | string[]; metadata: Record<string, any>; outputs?: unknown[]; execution_count?: unknown };
const text = (c: Cell) => (Array.isArray(c.source) ? c.source.join("") : c.source);
const load = (file: string): { metadata: Record<string, any>; cells: Cell[]; nbformat: number; nbformat_minor: number } => JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8"));
const tagged = (c: Cell, tag: string) => (c.metadata.tags ?? []).includes(tag);

describe("course notebooks", () => {
  it("exist, numbered in order, and cover the four mini-project steps", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    files.forEach((f, i) => expect(f).toMatch(new RegExp(`^${String(i + 1).padStart(2, "0")}-[a-z0-9-]+\\.ipynb$`)));
    const steps = files.map((f) => load(f).metadata["partition-lab"].step).filter(Boolean);
    expect(steps).toEqual([1, 2, 3, 4]);
  });

  for (const file of files) {
    describe(file, () => {
      const nb = load(file);
      const markdown = nb.cells.filter((c) => c.cell_type === "markdown");
      const code = nb.cells.filter((c) => c.cell_type === "code");

      it("is well-formed, with the partition-lab kernel and course metadata", () => {
        expect(nb.nbformat).toBe(4);
        expect(nb.nbformat_minor).toBe(5);
        expect(nb.metadata.kernelspec).toMatchObject({ name: "partition-lab-tslab", display_name: "TypeScript (partition-lab)" });
        const meta = nb.metadata["partition-lab"];
        expect(typeof meta.title).toBe("string");
        expect(meta.minutes).toBeGreaterThanOrEqual(5);
        expect(meta.minutes).toBeLessThanOrEqual(15);
        expect(meta.summary.length).toBeGreaterThan(20);
        const ids = nb.cells.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const cell of code) {
          expect(cell.outputs, "outputs are cleared in git").toEqual([]);
          expect(cell.execution_count).toBeNull();
        }
      });

      it("reads well in classic Notebook: bold-label callouts, openable hints, no cell expected to throw", () => {
        for (const cell of markdown) {
          expect(text(cell), `cell ${cell.id}: use "> **Note:** …", not GitHub alerts`).not.toMatch(/\[!(NOTE|TIP|WARNING|IMPORTANT|CAUTION)\]/);
          for (const summary of text(cell).match(/<summary>.*?<\/summary>/g) ?? []) expect(summary, `cell ${cell.id}`).toMatch(/\(click to open\)<\/summary>$/);
        }
        for (const cell of code) expect(tagged(cell, "raises-exception"), `cell ${cell.id}: show refusals with expectRefusal`).toBe(false);
      });

      it("keeps solutions in a closing, folded section after an empty cell for each exercise", () => {
        const at = (pred: (c: Cell) => boolean) => nb.cells.findIndex(pred);
        const solutionsHeading = at((c) => c.cell_type === "markdown" && /^## Solutions\b/m.test(text(c)));
        const cleanUp = at((c) => c.cell_type === "code" && text(c).includes("lab.close()"));
        const solutions = nb.cells.map((c, i) => ({ c, i })).filter(({ c }) => tagged(c, "solution"));
        expect(solutions.length, "an exercise solution").toBeGreaterThan(0);
        expect(solutionsHeading).toBeGreaterThan(0);
        expect(cleanUp).toBeGreaterThan(solutionsHeading);
        for (const { c, i } of solutions) {
          expect(i, `solution ${c.id} sits in the Solutions section`).toBeGreaterThan(solutionsHeading);
          expect(i).toBeLessThan(cleanUp);
          expect(c.metadata.jupyter).toEqual({ source_hidden: true, outputs_hidden: true });
        }
        nb.cells.forEach((c, i) => {
          if (c.cell_type === "markdown" && /^## Exercise\b/m.test(text(c))) expect(text(nb.cells[i + 1]).trim(), `the cell after exercise ${c.id}`).toBe("// your code here");
        });
      });

      it("asks each prediction with metadata the site can use, and compares it in the next cell", () => {
        nb.cells.forEach((c, i) => {
          if (!tagged(c, "prediction")) return;
          expect(predictionProblems(c.metadata.prediction), c.id).toEqual([]);
          expect(text(c)).toMatch(/const myPrediction\b/);
          const next = nb.cells.slice(i + 1).find((n) => n.cell_type === "code")!;
          expect(text(next), `the cell after prediction ${c.id}`).toMatch(/comparePrediction\(myPrediction,/);
        });
      });

      it("has a chart, and a quiz whose computable answers a cell checks", () => {
        expect(code.some((c) => text(c).includes("showChart(")), "a chart").toBe(true);
        const quizzes = markdown.filter((c) => c.metadata.quiz);
        expect(quizzes.length, "a quiz").toBeGreaterThan(0);
        for (const q of quizzes) {
          expect(quizProblems(q.metadata.quiz)).toEqual([]);
          for (const question of q.metadata.quiz.questions.filter((x: { verifiedBy?: string }) => x.verifiedBy)) {
            const cell = nb.cells.find((c) => c.id === question.verifiedBy);
            expect(cell?.cell_type, `${question.question} → ${question.verifiedBy}`).toBe("code");
            expect(text(cell!)).toMatch(/check\(|expectRefusal\(/);
          }
        }
      });
    });
  }
});

describe("the glossary", () => {
  const glossary = parseGlossary(fs.readFileSync(path.join(DIR, "glossary.md"), "utf8"));

  it("defines the words the course relies on", () => {
    const names = glossary.flatMap((e) => e.names.map((n) => n.toLowerCase()));
    for (const term of ["isr", "group coordinator", "epoch", "acks", "high watermark", "last stable offset", "offset", "partition", "consumer group", "committed offset", "idempotent producer"]) {
      expect(names, term).toContain(term);
    }
  });

  it("names, for every term, a notebook that puts it in bold", () => {
    for (const entry of glossary) {
      const taught = /Taught in \[[^\]]+\]\(([\w-]+\.ipynb)\)/.exec(entry.body)?.[1];
      expect(taught, `${entry.term}: "Taught in [title](file.ipynb)"`).toBeDefined();
      expect(files, entry.term).toContain(taught);
      const prose = load(taught!).cells.filter((c) => c.cell_type === "markdown").map(text).join("\n").toLowerCase();
      expect(entry.names.some((n) => prose.includes(`**${n.toLowerCase()}`)), `${entry.term} in bold in ${taught}`).toBe(true);
    }
  });
});
