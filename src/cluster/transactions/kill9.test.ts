import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect, it } from "vitest";
import { openJournalFile } from "../storage/journal-file";
import { bundleScript, runUntilKilled } from "../test-support/child-script";
import { openTransactionState } from "./state";

/**
 * Replays one partition file: which transactions (by id) ended committed,
 * and whether one is still open. A marker closes the producer's open
 * transaction; a marker with nothing open changes nothing (a re-driven duplicate).
 */
function replay(file: string) {
  const committed: string[] = [];
  let open: string | undefined;
  for (const line of fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n") : []) {
    const [kind, , , id] = line.split(" ");
    if (kind === "data") open ??= id;
    else if ((kind === "commit" || kind === "abort") && open !== undefined) {
      if (kind === "commit") committed.push(open);
      open = undefined;
    }
  }
  return { committed, open };
}

it("a SIGKILL at any moment leaves no transaction committed on some partitions and not others", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "txn-kill9-"));
  try {
    const script = bundleScript(path.join(__dirname, "fixtures/txn-forever.ts"), dir);
    const dataDir = path.join(dir, "data");
    fs.mkdirSync(dataDir);
    const acknowledged: string[] = [];
    for (let round = 0; round < 4; round++) {
      const target = 200 + round * 37; // a different moment each round
      const out = await runUntilKilled(script, [dataDir], (stdout) => stdout.split("\n").length > target);
      acknowledged.push(...out.split("\n").filter(Boolean));
    }
    // What a restarted coordinator does first: finish anything left between Prepare and Complete.
    const state = openTransactionState({
      journal: openJournalFile(path.join(dataDir, "transactions.journal")),
      effects: {
        partitionExists: () => true,
        writeMarker: (tp, pid, epoch, commit) => fs.appendFileSync(path.join(dataDir, `p${tp.partition}.log`), `${commit ? "commit" : "abort"} ${pid} ${epoch}\n`),
        completeOffsets: () => {},
      },
    });
    await state.recover();
    state.close();
    const [p0, p1, p2] = [0, 1, 2].map((p) => replay(path.join(dataDir, `p${p}.log`)));
    expect(p0.committed.length).toBeGreaterThan(100);
    expect(p1.committed).toEqual(p0.committed);
    expect(p2.committed).toEqual(p0.committed);
    // Every transaction the coordinator acknowledged as committed is committed everywhere.
    const committedSet = new Set(p0.committed);
    const ackedCommits = acknowledged.filter((id) => Number(id.split("-")[1]) % 3 !== 0);
    expect(ackedCommits.filter((id) => !committedSet.has(id))).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
