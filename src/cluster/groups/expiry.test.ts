// Committed offsets expire as in Kafka (KIP-211): a group's offsets go once
// the group has been Empty for offsets.retention.minutes; a "simple" group
// (commits without membership) loses each offset that long after its commit;
// an Empty group left without offsets is deleted. Deleting a topic deletes
// its committed offsets in every group. Time is a ManualClock.
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../coordination/clock";
import { createCoordination, type Coordination } from "../coordinators";
import { ErrorCode } from "../protocol/errors";

const RETENTION = 60_000;
const CHECK = 1_000;
const open: Coordination[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

function setup() {
  const clock = new ManualClock();
  const coordination = createCoordination({
    clock,
    coordinatorOf: () => 1,
    partitionExists: () => true,
    writeMarker: () => {},
    offsetsRetentionMs: RETENTION,
    offsetsRetentionCheckIntervalMs: CHECK,
  });
  open.push(coordination);
  const commit = (groupId: string, topic: string, offset: bigint) =>
    coordination.offsets.commit(groupId, [{ topic, partition: 0, offset, leaderEpoch: -1, metadata: null, commitTimestamp: clock.now() }]);
  return { clock, coordination, commit };
}

async function joinAlone(coordination: Coordination, groupId: string): Promise<string> {
  const joined = await coordination.groups.joinGroup({
    groupId, memberId: "", clientId: "c", clientHost: "/127.0.0.1", sessionTimeoutMs: 1_800_000, rebalanceTimeoutMs: 10_000,
    protocolType: "consumer", protocols: [{ name: "range", metadata: Buffer.from("m") }], requireKnownMemberId: false,
  });
  expect(joined.errorCode).toBe(ErrorCode.NONE);
  await coordination.groups.syncGroup({ groupId, generationId: joined.generationId, memberId: joined.memberId, assignments: [] });
  return joined.memberId;
}

describe("offset expiry", () => {
  it("expires a simple group's offsets retention after each commit, then deletes the group", () => {
    const { clock, coordination, commit } = setup();
    expect(coordination.groups.checkCommit("simple", -1, "")).toBe(ErrorCode.NONE);
    commit("simple", "t", 5n);
    clock.advance(RETENTION / 2);
    commit("simple", "u", 7n);
    clock.advance(RETENTION / 2 + CHECK);
    expect(coordination.offsets.fetch("simple", "t", 0)).toBeUndefined();
    expect(coordination.offsets.fetch("simple", "u", 0)?.offset).toBe(7n);
    clock.advance(RETENTION / 2);
    expect(coordination.offsets.list("simple")).toEqual([]);
    expect(coordination.groups.hasGroup("simple")).toBe(false);
  });

  it("keeps a consumer group's offsets while it has members, and expires them retention after it became empty", async () => {
    const { clock, coordination, commit } = setup();
    const member = await joinAlone(coordination, "live");
    commit("live", "t", 3n);
    clock.advance(RETENTION * 3); // old commits, but the group is not empty (its member's 30-minute session outlives this)
    expect(coordination.offsets.fetch("live", "t", 0)?.offset).toBe(3n);
    coordination.groups.leaveGroup("live", [member]);
    expect(coordination.groups.describeGroup("live").groupState).toBe("Empty");
    clock.advance(RETENTION - CHECK);
    expect(coordination.offsets.fetch("live", "t", 0)?.offset).toBe(3n);
    clock.advance(2 * CHECK);
    expect(coordination.offsets.fetch("live", "t", 0)).toBeUndefined();
    expect(coordination.groups.describeGroup("live").groupState).toBe("Dead");
  });
});

describe("deleting a topic", () => {
  it("deletes its committed offsets in every group, and nothing else", () => {
    const { coordination, commit } = setup();
    commit("a", "gone", 1n);
    commit("a", "kept", 2n);
    commit("b", "gone", 3n);
    coordination.offsets.deleteTopic("gone");
    expect(coordination.offsets.list("a").map((e) => e.topic)).toEqual(["kept"]);
    expect(coordination.offsets.list("b")).toEqual([]);
  });
});
