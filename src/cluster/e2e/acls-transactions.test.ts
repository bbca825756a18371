// The authorization checks of the idempotence and transaction APIs and of
// the group and transaction views, on a SASL cluster with Kafka's
// allow.everyone.if.no.acl.found=false, as KafkaApis makes them: an
// idempotent InitProducerId needs IDEMPOTENT_WRITE on the cluster or WRITE on
// some topic (KIP-679); AddPartitionsToTxn WRITE on each topic,
// TxnOffsetCommit READ on each topic; DescribeGroups reports the caller's
// operations on a group; DescribeProducers needs READ on the topic,
// DescribeTransactions and ListTransactions DESCRIBE on the transactional id.
// kafkajs where it sends the API, the request-level client where no
// installed client does.
import type { SASLOptions } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AclOperation as Op, AclPermissionType, PatternType, ResourceType as RT } from "../acls/model";
import type { RequestClient } from "../client/request-client";
import { startCluster, type Cluster } from "../cluster";
import { ApiKey, ErrorCode } from "../protocol";
import { client } from "../test-support/kafka";
import { saslClient } from "../test-support/sasl-client";

const USERS = { admin: "admin-secret", alice: "alice-secret", bob: "bob-secret", carol: "carol-secret" };
type User = keyof typeof USERS;

let cluster: Cluster;
const allow = (principal: string, resourceType: number, resourceName: string, operation: number, patternType: number = PatternType.LITERAL) =>
  ({ resourceType, resourceName, patternType, principal: `User:${principal}`, host: "*", operation, permissionType: AclPermissionType.ALLOW });

beforeAll(async () => {
  cluster = await startCluster({ brokers: 1, sasl: { users: USERS }, configs: { "super.users": "User:admin", "allow.everyone.if.no.acl.found": "false" } });
  for (const topic of ["paid", "secret", "hidden"]) cluster.state.createTopic(topic, [[cluster.brokers[0].nodeId]]);
  cluster.state.acls.add([
    allow("alice", RT.TOPIC, "paid", Op.WRITE), allow("alice", RT.TOPIC, "paid", Op.READ), allow("alice", RT.TOPIC, "secret", Op.DESCRIBE),
    allow("alice", RT.TRANSACTIONAL_ID, "tx-alice", Op.WRITE, PatternType.PREFIXED), allow("alice", RT.TRANSACTIONAL_ID, "tx-admin", Op.DESCRIBE),
    allow("alice", RT.GROUP, "g-a", Op.READ),
    allow("bob", RT.TOPIC, "paid", Op.DESCRIBE),
    allow("carol", RT.CLUSTER, "kafka-cluster", Op.IDEMPOTENT_WRITE),
  ]);
});
afterAll(async () => cluster?.stop());

const clients: RequestClient[] = [];
afterAll(() => clients.forEach((c) => c.close()));
async function as(user: User): Promise<RequestClient> {
  const c = await saslClient(cluster, cluster.brokers[0].nodeId, user, USERS[user]);
  clients.push(c);
  return c;
}
const kafkajs = (user: User) => client(cluster.bootstrap, { sasl: { mechanism: "plain", username: user, password: USERS[user] } as SASLOptions, retry: { retries: 1 } });
/** The Kafka error a kafkajs call failed with (kafkajs wraps some in a KafkaJSNonRetriableError whose cause has it). */
const failure = (p: Promise<unknown>) => p.then(() => "ok", (e: { type?: string; cause?: { type?: string } }) => e.type ?? e.cause?.type ?? String(e));

async function initTransactional(c: RequestClient, transactionalId: string) {
  const r = await c.request(ApiKey.InitProducerId, 1, { transactionalId, transactionTimeoutMs: 60_000 });
  expect(r.errorCode).toBe(0);
  return { transactionalId, producerId: r.producerId as bigint, producerEpoch: r.producerEpoch as number };
}
const codes = (topics: { name: string; results?: { errorCode: number }[]; partitions?: { errorCode: number }[] }[]) =>
  Object.fromEntries(topics.map((t) => [t.name, (t.results ?? t.partitions)!.map((p) => p.errorCode)]));

describe("authorization of the idempotence and transaction APIs (allow.everyone.if.no.acl.found=false)", () => {
  it("an idempotent InitProducerId needs IDEMPOTENT_WRITE on the cluster or WRITE on some topic, else CLUSTER_AUTHORIZATION_FAILED", async () => {
    const idempotent = async (user: User) => (await (await as(user)).request(ApiKey.InitProducerId, 1, { transactionalId: null, transactionTimeoutMs: 0 })).errorCode;
    expect(await idempotent("alice")).toBe(ErrorCode.NONE); // WRITE on paid
    expect(await idempotent("carol")).toBe(ErrorCode.NONE); // IDEMPOTENT_WRITE on the cluster
    expect(await idempotent("bob")).toBe(ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    // kafkajs's idempotent producer asks for its producer id as it connects; Produce itself needs only WRITE on the topic.
    const bob = kafkajs("bob").producer({ idempotent: true });
    expect(await failure(bob.connect())).toBe("CLUSTER_AUTHORIZATION_FAILED");
    await bob.disconnect();
    const alice = kafkajs("alice").producer({ idempotent: true });
    await alice.connect();
    expect(await failure(alice.send({ topic: "paid", messages: [{ value: "from alice" }] }))).toBe("ok");
    await alice.disconnect();
    expect(cluster.records("paid", 0).map((r) => r.value?.toString())).toEqual(["from alice"]);
  });

  it("AddPartitionsToTxn needs WRITE on each topic: a refused one is TOPIC_AUTHORIZATION_FAILED and nothing is added (OPERATION_NOT_ATTEMPTED)", async () => {
    const alice = await as("alice");
    const txn = await initTransactional(alice, "tx-alice1");
    const both = await alice.request(ApiKey.AddPartitionsToTxn, 1, { ...txn, topics: [{ name: "paid", partitions: [0] }, { name: "secret", partitions: [0] }] });
    expect(codes(both.results)).toEqual({ paid: [ErrorCode.OPERATION_NOT_ATTEMPTED], secret: [ErrorCode.TOPIC_AUTHORIZATION_FAILED] });
    expect(cluster.coordination.txns.describe("tx-alice1")).toMatchObject({ state: "Empty", partitions: [] });
    const paid = await alice.request(ApiKey.AddPartitionsToTxn, 1, { ...txn, topics: [{ name: "paid", partitions: [0] }] });
    expect(codes(paid.results)).toEqual({ paid: [ErrorCode.NONE] });
    // kafkajs's transactional send to a topic alice may describe but not write:
    const producer = kafkajs("alice").producer({ transactionalId: "tx-alice2", idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const t = await producer.transaction();
    expect(await failure(t.send({ topic: "secret", messages: [{ value: "x" }] }))).toBe("TOPIC_AUTHORIZATION_FAILED");
    await t.abort();
    await producer.disconnect();
    expect(cluster.records("secret", 0)).toEqual([]);
  });

  it("TxnOffsetCommit needs READ on each topic: TOPIC_AUTHORIZATION_FAILED for that topic's partitions, the others are committed", async () => {
    const alice = await as("alice");
    const txn = await initTransactional(alice, "tx-alice3");
    expect((await alice.request(ApiKey.AddOffsetsToTxn, 1, { ...txn, groupId: "g-a" })).errorCode).toBe(0);
    const offset = (o: bigint) => [{ partitionIndex: 0, committedOffset: o, committedLeaderEpoch: -1, committedMetadata: null }];
    const committed = await alice.request(ApiKey.TxnOffsetCommit, 2, { ...txn, groupId: "g-a", topics: [{ name: "paid", partitions: offset(5n) }, { name: "secret", partitions: offset(7n) }] });
    expect(codes(committed.topics)).toEqual({ paid: [ErrorCode.NONE], secret: [ErrorCode.TOPIC_AUTHORIZATION_FAILED] });
    expect((await alice.request(ApiKey.EndTxn, 1, { ...txn, committed: true })).errorCode).toBe(0);
    expect(cluster.coordination.offsets.fetch("g-a", "paid", 0)?.offset).toBe(5n);
    expect(cluster.coordination.offsets.fetch("g-a", "secret", 0)).toBeUndefined();
  });
});

describe("authorization of the group and transaction views", () => {
  it("DescribeGroups: GROUP_AUTHORIZATION_FAILED first, then each group with the caller's operations on it when asked", async () => {
    const describe = async (user: User, include: boolean) =>
      (await (await as(user)).request(ApiKey.DescribeGroups, 5, { groups: ["g-b", "g-a"], includeAuthorizedOperations: include })).groups
        .map((g: { groupId: string; errorCode: number; authorizedOperations: number }) => [g.groupId, g.errorCode, g.authorizedOperations]);
    const READ_DESCRIBE = (1 << Op.READ) | (1 << Op.DESCRIBE);
    expect(await describe("alice", true)).toEqual([["g-b", ErrorCode.GROUP_AUTHORIZATION_FAILED, -2147483648], ["g-a", 0, READ_DESCRIBE]]);
    expect(await describe("alice", false)).toEqual([["g-b", ErrorCode.GROUP_AUTHORIZATION_FAILED, -2147483648], ["g-a", 0, -2147483648]]);
    // A super user may do everything a group supports: READ, DESCRIBE, DELETE, DESCRIBE_CONFIGS, ALTER_CONFIGS (AclEntry.supportedOperations).
    const all = [Op.READ, Op.DESCRIBE, Op.DELETE, Op.DESCRIBE_CONFIGS, Op.ALTER_CONFIGS].reduce((bits, op) => bits | (1 << op), 0);
    expect(await describe("admin", true)).toEqual([["g-b", 0, all], ["g-a", 0, all]]);
  });

  it("DescribeProducers needs READ on the topic: TOPIC_AUTHORIZATION_FAILED on each partition asked", async () => {
    const producers = async (user: User, topic: string) =>
      (await (await as(user)).request(ApiKey.DescribeProducers, 0, { topics: [{ name: topic, partitionIndexes: [0] }] })).topics[0].partitions[0].errorCode;
    expect(await producers("alice", "paid")).toBe(ErrorCode.NONE);
    expect(await producers("bob", "paid")).toBe(ErrorCode.TOPIC_AUTHORIZATION_FAILED); // DESCRIBE is not enough
    expect(await producers("alice", "secret")).toBe(ErrorCode.TOPIC_AUTHORIZATION_FAILED);
  });

  it("DescribeTransactions answers TRANSACTIONAL_ID_AUTHORIZATION_FAILED per id and hides topics the caller may not describe; ListTransactions leaves ids out", async () => {
    const admin = await as("admin");
    const txn = await initTransactional(admin, "tx-admin");
    const added = await admin.request(ApiKey.AddPartitionsToTxn, 1, { ...txn, topics: [{ name: "paid", partitions: [0] }, { name: "hidden", partitions: [0] }] });
    expect(codes(added.results)).toEqual({ paid: [0], hidden: [0] });
    const described = async (user: User) => (await (await as(user)).request(ApiKey.DescribeTransactions, 0, { transactionalIds: ["tx-admin", "tx-b"] })).transactionStates
      .map((s: { transactionalId: string; errorCode: number; topics: { topic: string }[] }) => [s.transactionalId, s.errorCode, s.topics.map((t) => t.topic)]);
    expect(await described("admin")).toEqual([["tx-admin", 0, ["paid", "hidden"]], ["tx-b", ErrorCode.TRANSACTIONAL_ID_NOT_FOUND, []]]);
    expect(await described("alice")).toEqual([["tx-admin", 0, ["paid"]], ["tx-b", ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, []]]);
    expect(await described("bob")).toEqual([["tx-admin", ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, []], ["tx-b", ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, []]]);
    const listed = async (user: User) => {
      const r = await (await as(user)).request(ApiKey.ListTransactions, 0, { stateFilters: [], producerIdFilters: [] });
      expect(r.errorCode).toBe(0);
      return r.transactionStates.map((s: { transactionalId: string }) => s.transactionalId).sort();
    };
    await initTransactional(admin, "tx-zed");
    const everything = await listed("admin");
    expect(everything).toEqual(expect.arrayContaining(["tx-admin", "tx-zed"]));
    expect(await listed("alice")).toEqual(everything.filter((id: string) => id !== "tx-zed")); // her own tx-alice… and tx-admin
    expect(await listed("bob")).toEqual([]);
  });
});
