import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../coordination/clock";
import { openJournalFile } from "../storage/journal-file";
import { OffsetStore } from "./offsets";
import { openGroupState } from "./state";
import { tempDirs } from "../test-support/temp-dir";

const tempDir = tempDirs("groups-state-");

const entry = (topic: string, partition: number, offset: bigint) => ({ topic, partition, offset, leaderEpoch: -1, metadata: null, commitTimestamp: 1 });

describe("OffsetStore", () => {
  it("keeps transactional offsets invisible until the transaction commits, and drops them on abort", () => {
    const store = new OffsetStore();
    store.commit("g", [entry("t", 0, 5n)]);
    store.addPending("g", 7n, [entry("t", 0, 9n)]);
    expect(store.fetch("g", "t", 0)?.offset).toBe(5n);
    store.endTransaction("g", 7n, true);
    expect(store.fetch("g", "t", 0)?.offset).toBe(9n);
    store.addPending("g", 7n, [entry("t", 0, 20n)]);
    store.endTransaction("g", 7n, false);
    expect(store.fetch("g", "t", 0)?.offset).toBe(9n);
  });
});

describe("openGroupState with a data dir", () => {
  it("brings back committed offsets, pending transactional offsets and the group's generation", async () => {
    const dataDir = tempDir();
    const first = openGroupState({ journal: openJournalFile(path.join(dataDir, "groups.journal")), clock: new ManualClock() });
    first.offsets.commit("simple", [entry("t", 1, 42n)]);
    first.offsets.addPending("g", 3n, [entry("t", 0, 8n)]);
    const joined = await first.coordinator.joinGroup({
      groupId: "g", memberId: "", clientId: "c", clientHost: "h", sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000,
      protocolType: "consumer", protocols: [{ name: "range", metadata: Buffer.from("m") }], requireKnownMemberId: false,
    });
    await first.coordinator.syncGroup({ groupId: "g", generationId: 1, memberId: joined.memberId, assignments: [{ memberId: joined.memberId, assignment: Buffer.from("a") }] });
    first.close();

    const second = openGroupState({ journal: openJournalFile(path.join(dataDir, "groups.journal")), clock: new ManualClock() });
    expect(second.offsets.fetch("simple", "t", 1)?.offset).toBe(42n);
    expect(second.coordinator.describeGroup("simple").groupState).toBe("Empty");
    expect(second.coordinator.describeGroup("g")).toMatchObject({ groupState: "Stable" });
    expect(second.coordinator.heartbeat("g", 1, joined.memberId)).toBe(0);
    second.offsets.endTransaction("g", 3n, true);
    second.close();
    const third = openGroupState({ journal: openJournalFile(path.join(dataDir, "groups.journal")), clock: new ManualClock() });
    expect(third.offsets.fetch("g", "t", 0)?.offset).toBe(8n);
    third.close();
  });
});
