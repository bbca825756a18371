// Parity with Jupyter: the same notebook executed by our runner and by
// nbclient (Debian's python3-nbclient) through the kernelspec our
// `kernelspec` command writes gives equal outputs.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runWithNbclient } from "./nbclient";
import type { Output } from "./outputs";
import { runNotebook } from "./run-notebook";

function coalesceStreams(outputs: Output[]): Output[] {
  const merged: Output[] = [];
  for (const o of outputs) {
    const last = merged.at(-1);
    if (o.output_type === "stream" && last?.output_type === "stream" && last.name === o.name) last.text += o.text;
    else merged.push({ ...o });
  }
  return merged;
}

describe("parity with Jupyter's nbclient", () => {
  it("produces the same outputs for the same notebook", async () => {
    const file = path.join(__dirname, "fixtures", "parity.ipynb");
    const [theirs] = await runWithNbclient([file]);
    expect(theirs.error).toBeUndefined();
    const ours = await runNotebook(file);
    expect(ours.ok).toBe(true);
    const ourOutputs = ours.notebook.cells.filter((c) => c.cell_type === "code").map((c) => c.outputs);
    // nbclient 0.7 keeps each stream message apart; JupyterLab and nbconvert's
    // coalesce_streams merge neighbours of one name, as our runner does.
    expect(ourOutputs).toEqual(theirs.outputs!.map(coalesceStreams));
  }, 120_000);
});
