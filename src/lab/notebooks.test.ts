// Every course notebook is well-formed: nbformat 4.5 with unique cell ids,
// the tslab kernelspec, course metadata, outputs cleared (the build runs
// them), a quiz whose metadata the site can use, and a solution cell.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { quizProblems } from "../site/quiz";

const DIR = path.resolve(__dirname, "../../notebooks");
const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".ipynb")).sort();

describe("course notebooks", () => {
  it("exist, numbered in order, and cover the four mini-project steps", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    files.forEach((f, i) => expect(f).toMatch(new RegExp(`^${String(i + 1).padStart(2, "0")}-[a-z0-9-]+\\.ipynb$`)));
    const steps = files.map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")).metadata["partition-lab"].step).filter(Boolean);
    expect(steps).toEqual([1, 2, 3, 4]);
  });

  for (const file of files) {
    it(`${file} is well-formed`, () => {
      const nb = JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8"));
      expect(nb.nbformat).toBe(4);
      expect(nb.nbformat_minor).toBe(5);
      expect(nb.metadata.kernelspec.name).toBe("tslab");
      const meta = nb.metadata["partition-lab"];
      expect(typeof meta.title).toBe("string");
      expect(meta.minutes).toBeGreaterThanOrEqual(5);
      expect(meta.minutes).toBeLessThanOrEqual(15);
      expect(meta.summary.length).toBeGreaterThan(20);
      const ids = nb.cells.map((c: { id: string }) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const cell of nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code")) {
        expect(cell.outputs, "outputs are cleared in git").toEqual([]);
        expect(cell.execution_count).toBeNull();
      }
      const quizzes = nb.cells.filter((c: { metadata: { quiz?: unknown } }) => c.metadata.quiz);
      expect(quizzes.length, "a quiz").toBeGreaterThan(0);
      for (const q of quizzes) expect(quizProblems(q.metadata.quiz)).toEqual([]);
      expect(nb.cells.some((c: { metadata: { tags?: string[] } }) => c.metadata.tags?.includes("solution")), "an exercise solution").toBe(true);
    });
  }
});
