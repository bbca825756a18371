// OffsetDelete's rules at the handler, as Kafka's GroupCoordinator.handleDeleteOffsets
// decides them: group errors answer alone; a live consumer group keeps the
// offsets of the topics its members subscribe to (read from their
// ConsumerProtocol subscriptions; unreadable ones protect every topic); a live
// group of another protocol type keeps all; pending transactional offsets go too.
import { afterEach, describe, expect, it } from "vitest";
import { ClusterConfigs } from "../configs/store";
import { ManualClock } from "../coordination/clock";
import { createCoordination } from "../coordinators";
import { NO_DEFECTS } from "../defects";
import { ErrorCode } from "../protocol/errors";
import { ClusterState } from "../state/cluster-state";
import type { RequestContext } from "./handler";
import { joinGroup } from "./join-group";
import { offsetDelete } from "./offset-delete";
import { syncGroup } from "./sync-group";
import { unrestricted } from "../acls/access";

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

function cluster() {
  const state = new ClusterState({ configs: new ClusterConfigs({ "auto.create.topics.enable": "false" }) });
  for (const nodeId of [1, 2, 3]) state.brokers.push({ nodeId, host: "127.0.0.1", port: 9000 + nodeId, up: true });
  state.load();
  for (const name of ["read", "other"]) state.createTopic(name, [[1]]);
  const coordination = createCoordination({
    clock: new ManualClock(),
    coordinatorOf: (key, kind) => state.coordinatorFor(key, kind),
    partitionExists: (tp) => state.partition(tp.topic, tp.partition) !== undefined,
    writeMarker: () => {},
  });
  closers.push(() => coordination.close());
  const ctx = (key: string, nodeId = coordination.coordinatorFor(key)!): RequestContext => ({
    nodeId, header: { apiKey: 47, apiVersion: 0, correlationId: 1, clientId: "test" }, clientHost: "/127.0.0.1", coordination, state, maxMessageBytes: 1 << 20, access: unrestricted, defects: NO_DEFECTS,
  });
  const commit = (groupId: string, ...topics: string[]) =>
    coordination.offsets.commit(groupId, topics.map((topic) => ({ topic, partition: 0, offset: 5n, leaderEpoch: -1, metadata: null, commitTimestamp: 0 })));
  /** One member joins (JoinGroup v3: no MEMBER_ID_REQUIRED round) and syncs: the group is Stable. */
  const stableGroup = async (groupId: string, protocolType: string, metadata: Buffer) => {
    const joined = (await joinGroup.handle({ ...ctx(groupId), header: { ...ctx(groupId).header, apiVersion: 3 } }, {
      groupId, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: "", protocolType, protocols: [{ name: "range", metadata }],
    })) as { memberId: string; generationId: number };
    await syncGroup.handle({ ...ctx(groupId), header: { ...ctx(groupId).header, apiVersion: 1 } }, { groupId, generationId: joined.generationId, memberId: joined.memberId, assignments: [] });
  };
  const remove = (groupId: string, ...topics: string[]) =>
    offsetDelete.handle(ctx(groupId), { groupId, topics: topics.map((name) => ({ name, partitions: [{ partitionIndex: 0 }] })) }) as {
      errorCode: number; topics: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }[];
    };
  return { state, coordination, ctx, commit, stableGroup, remove };
}

/** ConsumerProtocol subscription v0: version, topic names, user data (null). */
function subscription(...topics: string[]): Buffer {
  const names = topics.map((t) => Buffer.concat([Buffer.from([0, t.length]), Buffer.from(t)]));
  const count = Buffer.alloc(4);
  count.writeInt32BE(topics.length);
  return Buffer.concat([Buffer.from([0, 0]), count, ...names, Buffer.from([0xff, 0xff, 0xff, 0xff])]);
}

const codes = (r: ReturnType<ReturnType<typeof cluster>["remove"]>) => Object.fromEntries(r.topics.map((t) => [t.name, t.partitions[0].errorCode]));

describe("OffsetDelete", () => {
  it("answers group errors alone: empty id, wrong broker, unknown group", () => {
    const { ctx, remove } = cluster();
    expect(offsetDelete.handle(ctx(""), { groupId: "", topics: [{ name: "read", partitions: [{ partitionIndex: 0 }] }] })).toEqual({ errorCode: ErrorCode.INVALID_GROUP_ID, throttleTimeMs: 0, topics: [] });
    const elsewhere = (ctx("g").nodeId % 3) + 1;
    expect(offsetDelete.handle(ctx("g", elsewhere), { groupId: "g", topics: [] })).toMatchObject({ errorCode: ErrorCode.NOT_COORDINATOR, topics: [] });
    expect(remove("never-seen", "read")).toEqual({ errorCode: ErrorCode.GROUP_ID_NOT_FOUND, throttleTimeMs: 0, topics: [] });
  });

  it("protects the topics a live consumer group subscribes to, and every topic when a subscription cannot be read", async () => {
    const { commit, stableGroup, remove, coordination } = cluster();
    await stableGroup("subscribed", "consumer", subscription("read"));
    commit("subscribed", "read", "other");
    expect(codes(remove("subscribed", "read", "other"))).toEqual({ read: ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC, other: ErrorCode.NONE });
    expect(coordination.offsets.list("subscribed").map((e) => e.topic)).toEqual(["read"]);

    await stableGroup("unreadable", "consumer", Buffer.from([0, 0, 0]));
    commit("unreadable", "other");
    expect(codes(remove("unreadable", "other"))).toEqual({ other: ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC });
  });

  it("refuses NON_EMPTY_GROUP for a live group of another protocol type", async () => {
    const { commit, stableGroup, remove } = cluster();
    await stableGroup("connectors", "connect", Buffer.from("worker"));
    commit("connectors", "other");
    expect(remove("connectors", "other")).toEqual({ errorCode: ErrorCode.NON_EMPTY_GROUP, throttleTimeMs: 0, topics: [] });
  });

  it("deletes committed and pending transactional offsets of an Empty group, which then goes", () => {
    const { commit, remove, coordination } = cluster();
    commit("simple", "read", "other");
    coordination.groups.checkCommit("simple", -1, ""); // a commit without membership creates an Empty group, as Kafka does
    coordination.offsets.addPending("simple", 9n, [{ topic: "read", partition: 0, offset: 6n, leaderEpoch: -1, metadata: null, commitTimestamp: 0 }]);
    expect(codes(remove("simple", "read"))).toEqual({ read: ErrorCode.NONE });
    coordination.offsets.endTransaction("simple", 9n, true);
    expect(coordination.offsets.fetch("simple", "read", 0)).toBeUndefined();
    expect(coordination.groups.hasGroup("simple")).toBe(true);
    expect(codes(remove("simple", "other"))).toEqual({ other: ErrorCode.NONE });
    expect(coordination.groups.hasGroup("simple")).toBe(false);
  });
});
