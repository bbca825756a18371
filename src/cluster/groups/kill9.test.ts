import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect, it } from "vitest";
import { openJournalFile } from "../storage/journal-file";
import { bundleScript, runUntilKilled } from "../test-support/child-script";
import { openGroupState } from "./state";

it("never loses an acknowledged offset commit when the process is killed with SIGKILL", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kill9-"));
  try {
    const script = bundleScript(path.join(__dirname, "fixtures/commit-forever.ts"), dir);
    const dataDir = path.join(dir, "data");
    for (let round = 0; round < 3; round++) {
      const out = await runUntilKilled(script, [dataDir], (stdout) => stdout.split("\n").length > 2_000 * (round + 1));
      const acked = out.split("\n").filter((l) => /^\d+$/.test(l)).map(BigInt);
      const last = acked.at(-1)!;
      const state = openGroupState({ journal: openJournalFile(path.join(dataDir, "groups.journal")) });
      // The highest acknowledged commit of each partition must be there (a later, unacknowledged one may be too).
      for (let p = 0; p < 3; p++) {
        const highestAcked = [...acked].reverse().find((n) => Number(n % 3n) === p)!;
        expect(state.offsets.fetch("g", "t", p)!.offset >= highestAcked).toBe(true);
      }
      expect(last > 0n).toBe(true);
      state.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
