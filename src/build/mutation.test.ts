// The course mutation test, the part that runs in `npm test`: for every
// deliberate defect of the cluster, the notebook that teaches the broken
// behaviour fails at its cell with its check's message. (That the other
// notebooks still pass is `npm run bench -- mutation`: it runs the whole
// course once per defect.)
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { CLUSTER_DEFECTS } from "../cluster";
import { readNotebook, sourceOf } from "../runner";
import { MUTATIONS, runAgainstDefects, verdictOf, type Mutation, type Outcome } from "./mutation";

const DIR = path.resolve(__dirname, "../../notebooks");

/** At most two notebooks at once (one kernel per core), across the concurrent tests below. */
const slots = { free: 2, waiting: [] as (() => void)[] };
async function inSlot<T>(task: () => Promise<T>): Promise<T> {
  if (slots.free === 0) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.free--;
  try {
    return await task();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

describe("the mutation table", () => {
  it("names every defect the cluster has, and cells that exist and state the expected claim", () => {
    expect(MUTATIONS.map((m) => m.defect).sort()).toEqual(Object.keys(CLUSTER_DEFECTS).sort());
    for (const m of MUTATIONS) {
      for (const c of m.caughtBy) {
        const cell = readNotebook(path.join(DIR, c.notebook)).cells.find((x) => x.id === c.cell);
        expect(cell, `${m.defect}: ${c.notebook} has a cell ${c.cell}`).toBeDefined();
        // A check's claim or a wait's subject is written in the cell; a helper's message (assertOrderPerKey's) is not.
        const claim = /^(✗ |timed out waiting for )/.test(c.message) ? c.message.replace(/^✗ /, "").replace(/^timed out waiting for /, "") : undefined;
        if (claim) expect(sourceOf(cell!), `${m.defect}: cell ${c.cell} states "${claim}"`).toContain(claim);
      }
      for (const notebook of Object.keys(m.alsoFails)) expect(fs.existsSync(path.join(DIR, notebook)), notebook).toBe(true);
    }
  });

  it("judges an outcome: caught only at the expected cell and check; a declared failure is no surprise", () => {
    const m: Mutation = { defect: "commit-not-kept", caughtBy: [{ notebook: "a.ipynb", cell: "x", message: "✗ kept" }], alsoFails: { "b.ipynb": "uses commits too" } };
    const outcome = (notebook: string, ok: boolean, cell?: string, message?: string): Outcome => ({ notebook, ok, cell, message, seconds: 1 });
    expect(verdictOf(m, outcome("a.ipynb", false, "x", "✗ kept, at offset 5")).label).toBe("caught");
    expect(verdictOf(m, outcome("a.ipynb", true)).label).toBe("MISSED");
    expect(verdictOf(m, outcome("a.ipynb", false, "y", "✗ kept")).label).toBe("MISSED");
    expect(verdictOf(m, outcome("a.ipynb", false, "x", "TypeError: boom")).label).toBe("MISSED");
    expect(verdictOf(m, outcome("b.ipynb", false, "z", "anything")).label).toBe("fails (declared)");
    expect(verdictOf(m, outcome("c.ipynb", false, "z", "anything"))).toEqual({ label: "UNEXPECTED FAILURE", ok: false });
    expect(verdictOf(m, outcome("c.ipynb", true))).toEqual({ label: "pass", ok: true });
  });
});

describe.concurrent("each defect fails the notebook that teaches the behaviour, at its check", () => {
  for (const m of MUTATIONS) {
    const [teaching] = m.caughtBy;
    it(`${m.defect}: ${teaching.notebook}, cell ${teaching.cell}`, async () => {
      const [outcome] = await inSlot(() => runAgainstDefects([path.join(DIR, teaching.notebook)], [m.defect], { jobs: 1 }));
      expect({ ok: outcome.ok, cell: outcome.cell }).toEqual({ ok: false, cell: teaching.cell });
      expect(outcome.message).toMatch(new RegExp(`^${teaching.message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    }, 300_000); // a kernel start, the notebook up to its failing cell (07's waits give up after 20 s), on a shared machine
  }
});
