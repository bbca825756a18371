// The sequencer itself (vitest/node is an ES module, hence .mts); the order is in ./slow-first.ts.
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { slowRank } from "./slow-first.js";

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    // Array.prototype.sort is stable: within a rank, vitest's own order stays.
    return (await super.sort(files)).sort((a, b) => slowRank(a.moduleId, root) - slowRank(b.moduleId, root));
  }
}
