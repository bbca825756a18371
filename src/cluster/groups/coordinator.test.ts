import { describe, expect, it } from "vitest";
import { ManualClock } from "../coordination/clock";
import { GroupCoordinator, JoinRequest } from "./coordinator";
import { ErrorCode } from "../protocol/errors";

const meta = (s: string) => Buffer.from(s);

function setup(options: { initialRebalanceDelayMs?: number } = {}) {
  const clock = new ManualClock();
  const changes: string[] = [];
  const coordinator = new GroupCoordinator({
    clock,
    ...options,
    onChange: (id, snap) => changes.push(`${id}:${snap ? snap.generationId : "deleted"}`),
  });
  const request = (over: Partial<JoinRequest> = {}): JoinRequest => ({
    groupId: "g",
    memberId: "",
    clientId: "client",
    clientHost: "/127.0.0.1",
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 30_000,
    protocolType: "consumer",
    protocols: [{ name: "range", metadata: meta("m") }],
    requireKnownMemberId: true,
    ...over,
  });
  /** The v4+ dance: first join gets MEMBER_ID_REQUIRED, the rejoin with that id is parked. */
  const join = async (over: Partial<JoinRequest> = {}) => {
    const first = await coordinator.joinGroup(request(over));
    expect(first.errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED);
    return coordinator.joinGroup(request({ ...over, memberId: first.memberId }));
  };
  return { clock, coordinator, request, join, changes };
}

async function settled<T>(p: Promise<T>): Promise<T | "pending"> {
  return Promise.race([p, new Promise<"pending">((r) => setImmediate(() => r("pending")))]);
}

/** A group that A made Stable alone (generation 1), and B's join that starts a rebalance (rebalance timeout 20 s). */
async function stableGroupThenSecondJoin() {
  const { coordinator, join, clock } = setup();
  const a = await join({ sessionTimeoutMs: 60_000, rebalanceTimeoutMs: 20_000 });
  await coordinator.syncGroup({ groupId: "g", generationId: 1, memberId: a.memberId, assignments: [] });
  const b = join({ clientId: "b", sessionTimeoutMs: 60_000, rebalanceTimeoutMs: 20_000 });
  return { coordinator, clock, a, b };
}

describe("GroupCoordinator", () => {
  it("asks a v4+ first join for a member id, then makes the lone member leader of generation 1", async () => {
    const { coordinator, join } = setup();
    const joined = await join();
    expect(joined.errorCode).toBe(ErrorCode.NONE);
    expect(joined.generationId).toBe(1);
    expect(joined.leader).toBe(joined.memberId);
    expect(joined.memberId).toMatch(/^client-/);
    expect(joined.members.map((m) => m.memberId)).toEqual([joined.memberId]);
    expect(coordinator.describeGroup("g").groupState).toBe("CompletingRebalance");
  });

  it("joins at once without MEMBER_ID_REQUIRED for older JoinGroup versions", async () => {
    const { coordinator, request } = setup();
    const joined = await coordinator.joinGroup(request({ requireKnownMemberId: false }));
    expect(joined.errorCode).toBe(ErrorCode.NONE);
    expect(joined.generationId).toBe(1);
  });

  it("hands the leader everyone's metadata and distributes its assignment through SyncGroup", async () => {
    const { coordinator, join, changes } = setup();
    const a = await join({ protocols: [{ name: "range", metadata: meta("A") }] });
    await coordinator.syncGroup({ groupId: "g", generationId: 1, memberId: a.memberId, assignments: [{ memberId: a.memberId, assignment: meta("all") }] });
    expect(coordinator.describeGroup("g").groupState).toBe("Stable");

    // B joins: A learns about the rebalance from its heartbeat and rejoins.
    const bJoin = join({ clientId: "b", protocols: [{ name: "range", metadata: meta("B") }] });
    expect(await settled(bJoin)).toBe("pending");
    expect(coordinator.heartbeat("g", 1, a.memberId)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    const aJoin = coordinator.joinGroup({ ...setupRequest(a.memberId), protocols: [{ name: "range", metadata: meta("A") }] });
    const [a2, b2] = await Promise.all([aJoin, bJoin]);
    expect(a2.generationId).toBe(2);
    expect(b2.generationId).toBe(2);
    expect(a2.leader).toBe(a.memberId);
    expect(a2.members.map((m) => m.metadata.toString()).sort()).toEqual(["A", "B"]);
    expect(b2.members).toEqual([]);

    // The follower's SyncGroup waits for the leader's.
    const bSync = coordinator.syncGroup({ groupId: "g", generationId: 2, memberId: b2.memberId, assignments: [] });
    expect(await settled(bSync)).toBe("pending");
    const aSync = await coordinator.syncGroup({
      groupId: "g", generationId: 2, memberId: a.memberId,
      assignments: [{ memberId: a.memberId, assignment: meta("0,1,2") }, { memberId: b2.memberId, assignment: meta("3,4,5") }],
    });
    expect(aSync.assignment.toString()).toBe("0,1,2");
    expect((await bSync).assignment.toString()).toBe("3,4,5");
    expect(changes).toEqual(["g:1", "g:2"]);
  });

  it("rejects a stale generation and an unknown member", async () => {
    const { coordinator, join } = setup();
    const a = await join();
    expect((await coordinator.syncGroup({ groupId: "g", generationId: 7, memberId: a.memberId, assignments: [] })).errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect((await coordinator.syncGroup({ groupId: "g", generationId: 1, memberId: "nobody", assignments: [] })).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(coordinator.heartbeat("g", 0, a.memberId)).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(coordinator.heartbeat("g", 1, "nobody")).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it("refuses a member whose protocols share nothing with the group", async () => {
    const { coordinator, join, request } = setup();
    await join();
    const other = await coordinator.joinGroup(request({ protocols: [{ name: "roundrobin", metadata: meta("x") }] }));
    expect(other.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const wrongType = await coordinator.joinGroup(request({ protocolType: "connect" }));
    expect(wrongType.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  });

  it("chooses the protocol most members prefer among those all support", async () => {
    const { coordinator, request } = setup();
    const p = (...names: string[]) => names.map((name) => ({ name, metadata: meta(name) }));
    const joins = [
      coordinator.joinGroup(request({ requireKnownMemberId: false, protocols: p("range", "roundrobin") })),
    ];
    const first = await joins[0];
    expect(first.protocolName).toBe("range");
    const second = coordinator.joinGroup(request({ requireKnownMemberId: false, protocols: p("roundrobin", "range") }));
    const third = coordinator.joinGroup(request({ requireKnownMemberId: false, protocols: p("roundrobin", "range") }));
    const again = coordinator.joinGroup(request({ requireKnownMemberId: false, memberId: first.memberId, protocols: p("range", "roundrobin") }));
    // Two votes for roundrobin, one for range.
    const results = await Promise.all([second, third, again]);
    expect(results.every((r) => r.protocolName === "roundrobin")).toBe(true);
  });

  it("evicts a member that stops heartbeating after its session timeout", async () => {
    const { coordinator, join, clock } = setup();
    const a = await join();
    await coordinator.syncGroup({ groupId: "g", generationId: 1, memberId: a.memberId, assignments: [] });
    clock.advance(9_000);
    expect(coordinator.heartbeat("g", 1, a.memberId)).toBe(ErrorCode.NONE);
    clock.advance(9_000); // still within 10 s of the last heartbeat
    expect(coordinator.describeGroup("g").members).toHaveLength(1);
    clock.advance(1_001);
    const g = coordinator.describeGroup("g");
    expect(g.groupState).toBe("Empty");
    expect(g.members).toHaveLength(0);
    expect(coordinator.heartbeat("g", 1, a.memberId)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it("drops members that do not rejoin within the rebalance timeout", async () => {
    const { coordinator, clock, a, b } = await stableGroupThenSecondJoin();
    expect(await settled(b)).toBe("pending");
    clock.advance(20_000);
    const joined = await b;
    expect(joined.generationId).toBe(2);
    expect(joined.leader).toBe(joined.memberId); // A was the leader, and is gone
    expect(coordinator.heartbeat("g", 2, a.memberId)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it("removes a member that never sends SyncGroup within the rebalance timeout, even once the leader made the group Stable", async () => {
    // Kafka's DelayedSync (GroupCoordinator.onExpirePendingSync, KAFKA-12890) acts in CompletingRebalance and Stable alike.
    const { coordinator, clock, a, b } = await stableGroupThenSecondJoin();
    const a2 = await coordinator.joinGroup({ ...setup().request(), memberId: a.memberId, sessionTimeoutMs: 60_000, rebalanceTimeoutMs: 20_000 });
    const b2 = await b;
    expect([a2.generationId, b2.generationId]).toEqual([2, 2]);
    await coordinator.syncGroup({ groupId: "g", generationId: 2, memberId: a.memberId, assignments: [] });
    expect(coordinator.describeGroup("g").groupState).toBe("Stable"); // b never syncs, but keeps heartbeating
    clock.advance(19_000);
    expect(coordinator.heartbeat("g", 2, b2.memberId)).toBe(ErrorCode.NONE);
    clock.advance(1_000);
    expect(coordinator.heartbeat("g", 2, b2.memberId)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(coordinator.describeGroup("g")).toMatchObject({ groupState: "PreparingRebalance", members: [{ memberId: a.memberId }] });
  });

  it("with a rebalance timeout of 0, removes a member that has not sent SyncGroup at once, as Kafka 3.x/4.x do", async () => {
    // Kafka schedules its pending-sync expiry with the group's rebalance timeout (DelayedSync in 3.9,
    // GroupMetadataManager.schedulePendingSync in 4.x); a 0 ms timer expires as soon as it is added
    // (SystemTimer), so a client sending rebalanceTimeoutMs 0 loses its member before its SyncGroup.
    // kafkajs's Broker.joinGroup sends 0 when no rebalanceTimeout is given; its consumer sends 60 s.
    const { coordinator, join, clock } = setup();
    const a = await join({ rebalanceTimeoutMs: 0 });
    clock.advance(0);
    expect(coordinator.describeGroup("g")).toMatchObject({ groupState: "Empty", members: [] });
    expect((await coordinator.syncGroup({ groupId: "g", generationId: a.generationId, memberId: a.memberId, assignments: [] })).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it("keeps members that all sent SyncGroup when the rebalance timeout passes", async () => {
    const { coordinator, join, clock } = setup();
    const a = await join({ sessionTimeoutMs: 60_000, rebalanceTimeoutMs: 20_000 });
    await coordinator.syncGroup({ groupId: "g", generationId: 1, memberId: a.memberId, assignments: [] });
    clock.advance(20_000);
    expect(coordinator.heartbeat("g", 1, a.memberId)).toBe(ErrorCode.NONE);
    expect(coordinator.describeGroup("g").groupState).toBe("Stable");
  });

  it("rebalances when a member leaves, and empties the group when the last one does", async () => {
    const { coordinator, join, request } = setup();
    const a = await join();
    await coordinator.syncGroup({ groupId: "g", generationId: 1, memberId: a.memberId, assignments: [] });
    const bJoin = join({ clientId: "b" });
    const aRejoin = coordinator.joinGroup(request({ memberId: a.memberId }));
    const [, b] = await Promise.all([aRejoin, bJoin]);
    expect(coordinator.leaveGroup("g", [a.memberId]).errorCode).toBe(ErrorCode.NONE);
    expect(coordinator.describeGroup("g").groupState).toBe("PreparingRebalance");
    const bAgain = await coordinator.joinGroup(request({ memberId: b.memberId }));
    expect(bAgain.generationId).toBe(3);
    expect(bAgain.leader).toBe(b.memberId);
    expect(coordinator.leaveGroup("g", [b.memberId]).errorCode).toBe(ErrorCode.NONE);
    expect(coordinator.describeGroup("g").groupState).toBe("Empty");
    expect(coordinator.leaveGroup("g", ["ghost"]).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it("tells a follower waiting in SyncGroup that its generation was abandoned", async () => {
    const { coordinator, join, request } = setup();
    const a = await join();
    await coordinator.syncGroup({ groupId: "g", generationId: 1, memberId: a.memberId, assignments: [] });
    const bJoin = join({ clientId: "b" });
    const [, b] = await Promise.all([coordinator.joinGroup(request({ memberId: a.memberId })), bJoin]);
    const bSync = coordinator.syncGroup({ groupId: "g", generationId: b.generationId, memberId: b.memberId, assignments: [] });
    expect(await settled(bSync)).toBe("pending");
    const c = join({ clientId: "c" }); // a third member arrives before the leader assigned
    expect((await bSync).errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(await settled(c)).toBe("pending");
    expect(coordinator.describeGroup("g").groupState).toBe("PreparingRebalance");
  });

  it("decides offset commits as Kafka does", async () => {
    const { coordinator, join } = setup();
    expect(coordinator.checkCommit("simple", -1, "")).toBe(ErrorCode.NONE);
    expect(coordinator.checkCommit("nope", 3, "m")).toBe(ErrorCode.ILLEGAL_GENERATION);
    const a = await join();
    expect(coordinator.checkCommit("g", 1, a.memberId)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    await coordinator.syncGroup({ groupId: "g", generationId: 1, memberId: a.memberId, assignments: [] });
    expect(coordinator.checkCommit("g", 1, a.memberId)).toBe(ErrorCode.NONE);
    expect(coordinator.checkCommit("g", 0, a.memberId)).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(coordinator.checkCommit("g", -1, "")).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    coordinator.forceRebalance("g");
    // Members flush their offsets while the rebalance is being prepared: still generation 1.
    expect(coordinator.checkCommit("g", 1, a.memberId)).toBe(ErrorCode.NONE);
  });

  it("waits for the initial rebalance delay so members starting together share a generation", async () => {
    const { coordinator, request, clock } = setup({ initialRebalanceDelayMs: 3_000 });
    const a = coordinator.joinGroup(request({ requireKnownMemberId: false }));
    clock.advance(1_000);
    const b = coordinator.joinGroup(request({ requireKnownMemberId: false }));
    expect(await settled(a)).toBe("pending");
    clock.advance(2_500);
    expect(await settled(a)).toBe("pending"); // B's arrival pushed the deadline to t=4000
    clock.advance(600);
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.generationId).toBe(1);
    expect(rb.generationId).toBe(1);
  });

  it("lists, describes and deletes groups", async () => {
    const { coordinator, join, changes } = setup();
    const a = await join();
    await coordinator.syncGroup({ groupId: "g", generationId: 1, memberId: a.memberId, assignments: [{ memberId: a.memberId, assignment: meta("x") }] });
    const d = coordinator.describeGroup("g");
    expect(d).toMatchObject({ groupState: "Stable", protocolType: "consumer", protocolData: "range" });
    expect(d.members[0].memberAssignment.toString()).toBe("x");
    expect(coordinator.listGroups()).toEqual([{ groupId: "g", protocolType: "consumer", groupState: "Stable" }]);
    expect(coordinator.deleteGroup("g")).toBe(ErrorCode.NON_EMPTY_GROUP);
    coordinator.leaveGroup("g", [a.memberId]);
    expect(coordinator.deleteGroup("g")).toBe(ErrorCode.NONE);
    expect(coordinator.deleteGroup("g")).toBe(ErrorCode.GROUP_ID_NOT_FOUND);
    expect(coordinator.describeGroup("g").groupState).toBe("Dead");
    expect(changes.at(-1)).toBe("g:deleted");
  });

  it("rejects session timeouts outside the broker's bounds", async () => {
    const { coordinator, request } = setup();
    expect((await coordinator.joinGroup(request({ sessionTimeoutMs: 1_000 }))).errorCode).toBe(ErrorCode.INVALID_SESSION_TIMEOUT);
  });

  it("restores a Stable group from a snapshot and keeps its generation", async () => {
    const { coordinator, join } = setup();
    const a = await join();
    await coordinator.syncGroup({ groupId: "g", generationId: 1, memberId: a.memberId, assignments: [{ memberId: a.memberId, assignment: meta("p") }] });
    const snap = coordinator.snapshot("g")!;
    const other = setup();
    other.coordinator.restore(JSON.parse(JSON.stringify(snap), (_k, v) => (v?.type === "Buffer" ? Buffer.from(v.data) : v)));
    expect(other.coordinator.heartbeat("g", 1, a.memberId)).toBe(ErrorCode.NONE);
    const sync = await other.coordinator.syncGroup({ groupId: "g", generationId: 1, memberId: a.memberId, assignments: [] });
    expect(sync.assignment.toString()).toBe("p");
  });
});

function setupRequest(memberId: string): JoinRequest {
  return {
    groupId: "g", memberId, clientId: "client", clientHost: "/127.0.0.1", sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 30_000, protocolType: "consumer", protocols: [], requireKnownMemberId: true,
  };
}
