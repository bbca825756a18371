// How the site renders the course's notebook conventions (notebooks/CONVENTIONS.md):
// bold-label callouts, "(click to open)" hints, predictions and the glossary.
import { describe, expect, it } from "vitest";
import { PREDICTION_MIME } from "../lab/predictions";
import { glossaryBody, parseGlossary, termLinker } from "./glossary";
import { renderMarkdown } from "./markdown";
import { renderCells, type NotebookJson } from "./model";
import type { Output } from "./outputs";
import { predictionProblems } from "./predictions";

describe("callouts", () => {
  it("render a blockquote that starts with a bold label as a callout, without the label", () => {
    expect(renderMarkdown("> **Warning:** Do *not* do this.")).toBe(
      '<blockquote class="callout callout-warning" role="note">\n<p><strong class="callout-title">Warning</strong> Do <em>not</em> do this.</p>\n</blockquote>\n',
    );
    expect(renderMarkdown("> **Tip**: colon outside the bold.")).toContain('<strong class="callout-title">Tip</strong> colon outside the bold.');
    expect(renderMarkdown("> [!NOTE]\n> GitHub's form still works.")).toContain('<strong class="callout-title">Note</strong> GitHub');
  });

  it("leave other quotes alone", () => {
    for (const quote of ["> **Remember:** not a kind we style.", "> **Note** without a colon.", "> A plain quote with **Note:** later."]) {
      expect(renderMarkdown(quote), quote).not.toContain("callout");
    }
  });
});

describe("hints", () => {
  it("drop the notebook's '(click to open)' from the summary (the site shows a marker)", () => {
    expect(renderMarkdown("<details><summary><b>Hint</b> (click to open)</summary>\n\nUse `partitionFor`.\n\n</details>")).toContain(
      '<details class="hint"><summary>Hint</summary>\n<p>Use <code>partitionFor</code>.</p>',
    );
  });
});

describe("predictions", () => {
  const notebook = (outputs: Output[]): NotebookJson => ({
    metadata: {},
    cells: [
      { cell_type: "code", source: "const myPrediction = undefined;", metadata: { tags: ["prediction"], prediction: { question: "Which <partition>?", options: ["0", "1 & 2"] } }, outputs: [] },
      { cell_type: "code", source: "comparePrediction(myPrediction, p);", metadata: {}, outputs },
      { cell_type: "code", source: "console.log(1);", metadata: {}, outputs: [] },
    ],
  });

  it("ask the question and fold the next cell's output with what really happened", async () => {
    const page = (await renderCells(notebook([{ output_type: "display_data", data: { "text/plain": "your prediction: (none yet)", [PREDICTION_MIME]: { prediction: null, actual: "1 & 2" } } }]), "p")).value;
    expect(page).toContain('<fieldset class="prediction" data-outcome="p-outcome-0">');
    expect(page).toContain("<legend>Predict first: Which &lt;partition&gt;?</legend>");
    expect(page).toContain('value="1 &amp; 2"> 1 &amp; 2</label>');
    expect(page).toContain('<div class="prediction-outcome" id="p-outcome-0" data-actual="1 &amp; 2"><div class="outputs"><p class="output prediction-result">What happened: <strong>1 &amp; 2</strong></p></div></div>');
    expect(page).not.toContain("none yet");
    expect(page.match(/prediction-outcome/g)).toHaveLength(1); // only the cell right after the prediction
  });

  it("still fold an answer cell that printed no comparison, without claiming an answer", async () => {
    const page = (await renderCells(notebook([{ output_type: "stream", name: "stdout", text: "2\n" }]), "p")).value;
    expect(page).toMatch(/<div class="prediction-outcome" id="p-outcome-0"><div class="outputs"><pre class="output stream stdout">2/);
  });

  it("check the metadata a prediction cell needs", () => {
    expect(predictionProblems({ question: "q", options: ["a", "b"] })).toEqual([]);
    expect(predictionProblems({ question: "", options: ["a", "b"] })).toHaveLength(1);
    expect(predictionProblems({ question: "q", options: ["a"] })).toHaveLength(1);
    expect(predictionProblems(undefined)).toHaveLength(1);
  });
});

describe("the glossary", () => {
  const entries = parseGlossary("# Glossary\n\nintro\n\n## In-sync replicas (ISR)\nReplicas caught up; see [06](06-retries.ipynb).\n\n## Partition\nA log.\n\n## Acks\nHow many <b>replicas</b> confirm.\n");

  it("parses one entry per heading, with aliases in parentheses", () => {
    expect(entries.map((e) => [e.term, e.names, e.slug])).toEqual([
      ["In-sync replicas", ["In-sync replicas", "ISR"], "in-sync-replicas"],
      ["Partition", ["Partition"], "partition"],
      ["Acks", ["Acks"], "acks"],
    ]);
  });

  it("renders a sorted page with anchors, links to lesson pages and escaped HTML", () => {
    const page = glossaryBody(entries).value;
    expect(page.indexOf('id="acks"')).toBeLessThan(page.indexOf('id="in-sync-replicas"'));
    expect(page).toContain('<dt id="in-sync-replicas">In-sync replicas (ISR)</dt>');
    expect(page).toContain('href="06-retries.html"');
    expect(page).not.toContain("<b>replicas</b>");
  });

  it("links the first bold use of a term, its alias or its plural, once per page", () => {
    const link = termLinker(entries);
    expect(link("<p>The <strong>ISR</strong> and <strong>partitions</strong>.</p>")).toBe(
      '<p>The <a class="term" href="glossary.html#in-sync-replicas" title="Glossary: In-sync replicas"><strong>ISR</strong></a> and <a class="term" href="glossary.html#partition" title="Glossary: Partition"><strong>partitions</strong></a>.</p>',
    );
    expect(link("<p><strong>in-sync replicas</strong>, <strong>bold</strong></p>")).toBe("<p><strong>in-sync replicas</strong>, <strong>bold</strong></p>");
  });
});
