// ACLs enforced on a SASL cluster, with the clients learners use: kafkajs
// 2.2's admin creates, describes and deletes them; alice, allowed to WRITE
// topic "t", produces there while bob, who may only DESCRIBE it, gets
// TOPIC_AUTHORIZATION_FAILED — from kafkajs, librdkafka (confluent-kafka)
// and kafka-python alike; group and cluster permissions answer
// GROUP_AUTHORIZATION_FAILED and CLUSTER_AUTHORIZATION_FAILED.
import { AclOperationTypes as Op, AclPermissionTypes as Perm, AclResourceTypes as RT, ResourcePatternTypes as PT, type Kafka, type SASLOptions } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../cluster";
import { python } from "../test-support/external";
import { client, consumeN } from "../test-support/kafka";

const USERS = { admin: "admin-secret", alice: "alice-secret", bob: "bob-secret", carol: "carol-secret" };
type User = keyof typeof USERS;

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ brokers: 1, sasl: { users: USERS }, configs: { "super.users": "User:admin" } });
});
afterAll(async () => cluster?.stop());

const as = (user: User): Kafka => client(cluster.bootstrap, { sasl: { mechanism: "plain", username: user, password: USERS[user] } as SASLOptions });
/** The Kafka error a kafkajs call failed with (kafkajs wraps some in a KafkaJSNonRetriableError whose cause has it). */
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: { type?: string; cause?: { type?: string } }) => e.type ?? e.cause?.type ?? String(e));

async function withAdmin<T>(user: User, use: (admin: ReturnType<Kafka["admin"]>) => Promise<T>): Promise<T> {
  const admin = as(user).admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

const allow = (resourceType: RT, resourceName: string, principal: string, operation: Op) =>
  ({ resourceType, resourceName, resourcePatternType: PT.LITERAL, principal, host: "*", operation, permissionType: Perm.ALLOW });

describe("ACLs on a SASL cluster (super.users=User:admin)", () => {
  beforeAll(async () => {
    await withAdmin("admin", async (admin) => {
      await admin.createTopics({ topics: [{ topic: "t" }, { topic: "open" }] });
      await admin.createAcls({ acl: [
        allow(RT.TOPIC, "t", "User:alice", Op.WRITE), allow(RT.TOPIC, "t", "User:alice", Op.READ),
        allow(RT.TOPIC, "t", "User:bob", Op.DESCRIBE), allow(RT.GROUP, "g", "User:alice", Op.READ),
        // With allow.everyone.if.no.acl.found, a resource without ACLs is open to all, the cluster included: this one closes it.
        allow(RT.CLUSTER, "kafka-cluster", "User:alice", Op.DESCRIBE),
      ] });
    });
  });

  it("kafkajs admin describes them by filter and deletes by filter", async () => {
    await withAdmin("admin", async (admin) => {
      await admin.createAcls({ acl: [{ ...allow(RT.TOPIC, "tmp-", "User:carol", Op.ALL), resourcePatternType: PT.PREFIXED }] });
      const onT = await admin.describeAcls({ resourceType: RT.TOPIC, resourceName: "t", resourcePatternType: PT.MATCH, operation: Op.ANY, permissionType: Perm.ANY });
      expect(onT.resources).toEqual([{
        resourceType: RT.TOPIC, resourceName: "t", resourcePatternType: PT.LITERAL,
        acls: [
          { principal: "User:alice", host: "*", operation: Op.WRITE, permissionType: Perm.ALLOW },
          { principal: "User:alice", host: "*", operation: Op.READ, permissionType: Perm.ALLOW },
          { principal: "User:bob", host: "*", operation: Op.DESCRIBE, permissionType: Perm.ALLOW },
        ],
      }]);
      const tmp = await admin.describeAcls({ resourceType: RT.TOPIC, resourceName: "tmp-orders", resourcePatternType: PT.MATCH, operation: Op.ANY, permissionType: Perm.ANY });
      expect(tmp.resources.map((r) => `${r.resourceName} ${r.resourcePatternType}`)).toEqual([`tmp- ${PT.PREFIXED}`]);
      const deleted = await admin.deleteAcls({ filters: [{ resourceType: RT.ANY, resourcePatternType: PT.ANY, principal: "User:carol", operation: Op.ANY, permissionType: Perm.ANY }] });
      expect(deleted.filterResponses[0].matchingAcls).toEqual([expect.objectContaining({ resourceName: "tmp-", principal: "User:carol", operation: Op.ALL })]);
      const left = await admin.describeAcls({ resourceType: RT.ANY, resourcePatternType: PT.ANY, operation: Op.ANY, permissionType: Perm.ANY });
      expect(left.resources.map((r) => r.resourceName).sort()).toEqual(["g", "kafka-cluster", "t"]);
    });
  });

  it("kafkajs: alice may write t, bob gets TOPIC_AUTHORIZATION_FAILED; a topic without ACLs is open (allow.everyone.if.no.acl.found)", async () => {
    const producer = (user: User) => as(user).producer({ retry: { retries: 0 } });
    const alice = producer("alice");
    await alice.connect();
    const [written] = await alice.send({ topic: "t", messages: [{ value: "from alice" }] });
    expect(written.errorCode).toBe(0);
    await alice.disconnect();
    const bob = producer("bob");
    await bob.connect();
    expect((await failure(bob.send({ topic: "t", messages: [{ value: "from bob" }] })))).toBe("TOPIC_AUTHORIZATION_FAILED");
    expect((await bob.send({ topic: "open", messages: [{ value: "from bob" }] }))[0].errorCode).toBe(0);
    await bob.disconnect();
    // carol may not even see t: its metadata is refused.
    const carol = producer("carol");
    await carol.connect();
    expect((await failure(carol.send({ topic: "t", messages: [{ value: "from carol" }] })))).toBe("TOPIC_AUTHORIZATION_FAILED");
    await carol.disconnect();
    expect(cluster.records("t", 0).map((r) => r.value?.toString())).toEqual(["from alice"]);
  });

  it("confluent-kafka (librdkafka) and kafka-python: the same answers", async () => {
    const script = `
import sys, json
from confluent_kafka import Producer
from kafka import KafkaProducer
from kafka.errors import TopicAuthorizationFailedError
bootstrap = sys.argv[1]
out = {}
for user in ['alice', 'bob']:
    p = Producer({'bootstrap.servers': bootstrap, 'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanisms': 'PLAIN',
                  'sasl.username': user, 'sasl.password': user + '-secret', 'message.timeout.ms': 5000})
    result = []
    p.produce('t', b'librdkafka ' + user.encode(), on_delivery=lambda err, msg: result.append(err.name() if err else 'ok'))
    p.flush(10)
    out['librdkafka ' + user] = result
    k = KafkaProducer(bootstrap_servers=bootstrap, security_protocol='SASL_PLAINTEXT', sasl_mechanism='PLAIN',
                      sasl_plain_username=user, sasl_plain_password=user + '-secret', retries=0)
    try:
        k.send('t', b'kafka-python ' + user.encode()).get(timeout=10)
        out['kafka-python ' + user] = 'ok'
    except TopicAuthorizationFailedError as e:
        out['kafka-python ' + user] = type(e).__name__
    k.close()
print(json.dumps(out))
`;
    expect(JSON.parse(await python(script, [cluster.bootstrap]))).toEqual({
      "librdkafka alice": ["ok"], "librdkafka bob": ["TOPIC_AUTHORIZATION_FAILED"],
      "kafka-python alice": "ok", "kafka-python bob": "TopicAuthorizationFailedError",
    });
  });

  it("groups: alice (READ on g) consumes in g; bob's group clients get GROUP_AUTHORIZATION_FAILED", async () => {
    const got = await consumeN(as("alice"), "t", 1, { groupId: "g" } as never);
    expect(got[0].value).toBe("from alice");
    // kafkajs reports a refused FindCoordinator as "Failed to find group coordinator", without Kafka's code.
    expect(await withAdmin("bob", (admin) => failure(admin.fetchOffsets({ groupId: "g", topics: ["t"] })))).toMatch(/Failed to find group coordinator/);
    const script = `
import sys, json
from confluent_kafka import Consumer
from kafka import KafkaConsumer
from kafka.errors import GroupAuthorizationFailedError
sasl = dict(security_protocol='SASL_PLAINTEXT', sasl_mechanism='PLAIN', sasl_plain_username='bob', sasl_plain_password='bob-secret')
out = {}
c = Consumer({'bootstrap.servers': sys.argv[1], 'group.id': 'g', 'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanisms': 'PLAIN',
              'sasl.username': 'bob', 'sasl.password': 'bob-secret'})
c.subscribe(['t'])
for _ in range(20):
    m = c.poll(0.5)
    if m is not None and m.error():
        out['librdkafka'] = m.error().name()
        break
c.close()
k = KafkaConsumer('t', bootstrap_servers=sys.argv[1], group_id='g', **sasl)
try:
    k.poll(5000)
    out['kafka-python'] = 'no error'
except GroupAuthorizationFailedError as e:
    out['kafka-python'] = type(e).__name__
k.close()
print(json.dumps(out))
`;
    expect(JSON.parse(await python(script, [cluster.bootstrap]))).toEqual({ librdkafka: "GROUP_AUTHORIZATION_FAILED", "kafka-python": "GroupAuthorizationFailedError" });
  });

  it("the ACL APIs need the cluster permission: alice may describe them, bob neither describes nor creates", async () => {
    expect((await withAdmin("alice", (admin) => admin.describeAcls({ resourceType: RT.GROUP, resourcePatternType: PT.ANY, operation: Op.ANY, permissionType: Perm.ANY }))).resources).toHaveLength(1);
    expect(await withAdmin("alice", (admin) => failure(admin.createAcls({ acl: [allow(RT.TOPIC, "t", "User:alice", Op.DELETE)] })))).toBe("CLUSTER_AUTHORIZATION_FAILED");
    await withAdmin("bob", async (admin) => {
      expect((await failure(admin.createAcls({ acl: [allow(RT.TOPIC, "t", "User:bob", Op.WRITE)] })))).toBe("CLUSTER_AUTHORIZATION_FAILED");
      expect((await failure(admin.describeAcls({ resourceType: RT.ANY, resourcePatternType: PT.ANY, operation: Op.ANY, permissionType: Perm.ANY })))).toBe("CLUSTER_AUTHORIZATION_FAILED");
    });
    expect(cluster.state.acls.all().some((a) => a.principal === "User:bob" && a.operation === Op.WRITE)).toBe(false);
  });

  it("configs and partitions: bob may neither describe nor alter t's configs, nor the brokers', nor grow t", async () => {
    await withAdmin("bob", async (admin) => {
      expect(await failure(admin.describeConfigs({ resources: [{ type: 2, name: "t" }], includeSynonyms: false }))).toBe("TOPIC_AUTHORIZATION_FAILED");
      expect(await failure(admin.alterConfigs({ validateOnly: false, resources: [{ type: 4, name: String(cluster.brokers[0].nodeId), configEntries: [{ name: "log.retention.ms", value: "1000" }] }] }))).toBe("CLUSTER_AUTHORIZATION_FAILED");
      expect(await failure(admin.createPartitions({ topicPartitions: [{ topic: "t", count: 2 }] }))).toBe("TOPIC_AUTHORIZATION_FAILED");
    });
    expect(cluster.topics().find((t) => t.name === "t")!.partitions).toHaveLength(1);
    await withAdmin("admin", async (admin) => {
      expect((await admin.describeConfigs({ resources: [{ type: 2, name: "t" }], includeSynonyms: false })).resources[0].errorCode).toBe(0);
    });
  });

  it("reassignments need the cluster permission too: bob may neither move t's replicas nor list the moves", async () => {
    await withAdmin("bob", async (admin) => {
      const move = { topics: [{ topic: "t", partitionAssignment: [{ partition: 0, replicas: [...cluster.brokers.map((b) => b.nodeId)].reverse() }] }] };
      expect(await failure(admin.alterPartitionReassignments(move))).toBe("CLUSTER_AUTHORIZATION_FAILED");
      expect(await failure(admin.listPartitionReassignments({ topics: [{ topic: "t", partitions: [0] }] }))).toBe("CLUSTER_AUTHORIZATION_FAILED");
    });
    expect(cluster.topics().find((t) => t.name === "t")!.partitions[0].replicas).toHaveLength(1);
  });

  it("kafka-python's admin creates and deletes ACLs too", async () => {
    const script = `
import sys, json
from kafka import KafkaAdminClient
from kafka.admin import ACL, ACLFilter, ResourcePattern, ResourcePatternFilter, ResourceType, ACLPermissionType, ACLOperation, ACLResourcePatternType
admin = KafkaAdminClient(bootstrap_servers=sys.argv[1], security_protocol='SASL_PLAINTEXT', sasl_mechanism='PLAIN',
                         sasl_plain_username='admin', sasl_plain_password='admin-secret')
acl = ACL(principal='User:dave', host='*', operation=ACLOperation.READ, permission_type=ACLPermissionType.ALLOW,
          resource_pattern=ResourcePattern(ResourceType.GROUP, 'py-', ACLResourcePatternType.PREFIXED))
created = admin.create_acls([acl])
deleted = admin.delete_acls([ACLFilter(principal='User:dave', host=None, operation=ACLOperation.ANY, permission_type=ACLPermissionType.ANY,
                                       resource_pattern=ResourcePatternFilter(ResourceType.ANY, None, ACLResourcePatternType.ANY))])
print(json.dumps({'created': len(created['succeeded']), 'failed': len(created['failed']),
                  'deleted': [(a.principal, a.resource_pattern.resource_name, a.resource_pattern.pattern_type) for (a, err) in deleted[0][1]],
                  'error': deleted[0][2].__name__}))
`;
    const before = cluster.state.acls.all().length;
    const out = JSON.parse(await python(script, [cluster.bootstrap]));
    expect(out).toEqual({ created: 1, failed: 0, deleted: [["User:dave", "py-", 4]], error: "NoError" });
    expect(cluster.state.acls.all()).toHaveLength(before);
  });
});
