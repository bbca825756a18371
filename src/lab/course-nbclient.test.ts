// The course in Jupyter's own executor: nbclient (as `jupyter nbconvert
// --execute` runs notebooks) through the kernelspec `partition-lab kernelspec`
// writes, with cwd = notebooks/ and no cluster running, so that each kernel
// starts its own as a learner's does. Two nbclients share the notebooks: a
// lesson spends much of its time waiting (kernel start, consumer groups).
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runWithNbclient } from "../runner/nbclient";

const DIR = path.resolve(__dirname, "../../notebooks");
const notebooks = fs.readdirSync(DIR).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(DIR, f));

describe("the course notebooks in nbclient", () => {
  it("all pass in Jupyter's nbclient with the tslab kernelspec, each kernel starting its own cluster", async () => {
    const results = await runWithNbclient(notebooks, { PARTITION_LAB_CLUSTER: "embedded" }, 2);
    expect(results.filter((r) => r.error).map((r) => `${path.basename(r.file)}: ${r.error}`)).toEqual([]);
    expect(results).toHaveLength(notebooks.length);
    const firstLines = results.map((r) => r.outputs?.flat().find((o) => o.output_type === "stream"));
    for (const line of firstLines) expect(JSON.stringify(line)).toContain("PARTITION_LAB_CLUSTER=embedded: started an embedded 3-broker cluster in this kernel");
  }, 90_000 * notebooks.length); // two nbclients, each running its share one after another
});
