// The publisher on fixture notebooks: a golden page (strict; UPDATE_GOLDEN=1
// rewrites it and fails, and is refused when CI is set), escaping of hostile outputs, and
// what the index and calculator pages contain.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { publishSite, type SiteEffects } from "./publish";
import { quizProblems } from "./quiz";

const FIXTURES = path.join(__dirname, "fixtures");

async function publishFixtures(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const effects: SiteEffects = { write: (rel, content) => void files.set(rel, content.toString()) };
  const notebooks = ["01-fixture-lesson.ipynb", "02-second-lesson.ipynb"].map((f) => ({ file: path.join(FIXTURES, f), notebook: JSON.parse(fs.readFileSync(path.join(FIXTURES, f), "utf8")) }));
  await publishSite(notebooks, effects);
  return files;
}

describe("the site publisher", () => {
  it("renders the fixture lesson exactly like the golden file", async () => {
    const page = (await publishFixtures()).get("01-fixture-lesson.html")!;
    const golden = path.join(FIXTURES, "01-fixture-lesson.golden.html");
    if (process.env.UPDATE_GOLDEN === "1") {
      // Updating is a step of its own: it never passes, so a run with the flag cannot stand in for the check.
      if (process.env.CI) throw new Error("UPDATE_GOLDEN=1 is refused in CI: golden files are updated by hand and reviewed");
      fs.writeFileSync(golden, page);
      throw new Error(`golden file written (${path.basename(golden)}): review the diff, then run again without UPDATE_GOLDEN`);
    }
    expect(fs.existsSync(golden), "golden file missing: run with UPDATE_GOLDEN=1 once").toBe(true);
    expect(page).toBe(fs.readFileSync(golden, "utf8"));
  });

  it("renders hostile outputs as text", async () => {
    const page = (await publishFixtures()).get("01-fixture-lesson.html")!;
    expect(page).not.toMatch(/<script>alert/);
    expect(page).toContain("&lt;script&gt;alert(&#39;stream&#39;)&lt;/script&gt;");
    expect(page).not.toMatch(/<img[^>]*onerror/);
    expect(page).toContain("&lt;img src=x onerror=");
    expect(page).not.toContain("onload=");
    expect(page).not.toContain("<b>boom</b>");
    expect(page).toContain("Error: &lt;b&gt;boom&lt;/b&gt;");
    expect(page).not.toContain("\u001b[");
  });

  it("renders hints, callouts, quizzes, solutions, charts and navigation", async () => {
    const files = await publishFixtures();
    const page = files.get("01-fixture-lesson.html")!;
    expect(page).toContain('<details class="hint"><summary>Hint</summary>');
    expect(page).toContain('class="callout callout-note"');
    expect(page.match(/<fieldset class="question" data-answer="\d">/g)).toHaveLength(2);
    expect(page).toContain('<details class="solution" data-cell-id="f7"><summary>Show the solution</summary>');
    expect(page).toMatch(/<figure class="output chart"><svg[\s\S]*?<\/svg><\/figure>/);
    expect(page).toContain('class="shiki');
    expect(page).toContain('<a rel="next" href="02-second-lesson.html">Second lesson →</a>');
    const index = files.get("index.html")!;
    expect(index).toContain('href="01-fixture-lesson.html"');
    expect(index).toContain("Progress <strong id=\"steps-done\">0</strong> / 4 steps");
    expect(files.get("calculator.html")).toContain('src="assets/partitioners.js"');
    expect(files.get("assets/partitioners.js")).toMatch(/PartitionLab/);
    expect(files.get("notebooks/01-fixture-lesson.ipynb")).toBeDefined();
    // Live mode: the page carries its cells' sources (no "</script>" can end the element early) and loads only live.js.
    const live = /<script type="application\/json" id="live-notebook">(.*?)<\/script>/.exec(page)!;
    expect(live[1]).not.toContain("<");
    expect(JSON.parse(live[1]).cells.map((c: { id: string }) => c.id)).toEqual(["f1", "f2", "f3", "f4", "f8", "f9", "f7"]);
    expect(page.match(/<script src="assets\/live[^"]*"/g)).toEqual(['<script src="assets/live.js"']);
    for (const asset of ["live.js", "live-runtime.js", "live-editor.js", "live-vega.js"]) expect(files.get(`assets/${asset}`), asset).toBeDefined();
    for (const [name, content] of files) if (name.endsWith(".html")) expect(content, name).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("checks quiz metadata", () => {
    expect(quizProblems({ questions: [{ question: "q", options: ["a", "b"], answer: 1, explanation: "e" }] })).toEqual([]);
    expect(quizProblems({ questions: [{ question: "q", options: ["a"], answer: 3, explanation: "e" }] })).toEqual(["question 1 needs at least two options"]);
    expect(quizProblems({ questions: [{ question: "q", options: ["a", "b"], answer: 2, explanation: "e" }] })[0]).toMatch(/not an option index/);
    expect(quizProblems({})).toHaveLength(1);
  });
});
