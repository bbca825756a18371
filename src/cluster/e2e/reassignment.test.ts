// Partition reassignment as a learner does it: kafkajs 2.2.4's admin moves a
// partition and lists it while in progress; kafkajs's metadata and kcat -L
// (librdkafka) then show the new replicas and leader, and a consumer reads
// every record from the new leader. The clock is a ManualClock: the test
// moves time past the catch-up delay, it never sleeps.
import type { Admin } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "..";
import { ManualClock } from "../coordination/clock";
import { kcat } from "../test-support/external";
import { rawRequest } from "../test-support/raw-request";
import { client, readAll } from "../test-support/kafka";

const DELAY = 5_000;
const clock = new ManualClock(Date.now());
let cluster: Cluster;
let admin: Admin;
beforeAll(async () => {
  cluster = await startCluster({ brokers: 3, clock, reassignmentDelayMs: DELAY });
  admin = client(cluster.bootstrap).admin();
  await admin.connect();
});
afterAll(async () => {
  await admin?.disconnect();
  await cluster?.stop();
});

describe("partition reassignment with kafkajs and kcat", () => {
  it("moves a partition to new brokers, listed while in progress, keeping its records", async () => {
    const kafka = client(cluster.bootstrap);
    await admin.createTopics({ topics: [{ topic: "reassigned", replicaAssignment: [{ partition: 0, replicas: [1, 2] }] }] });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: "reassigned", acks: -1, messages: ["a", "b", "c"].map((value) => ({ value })) });

    await admin.alterPartitionReassignments({ topics: [{ topic: "reassigned", partitionAssignment: [{ partition: 0, replicas: [3, 2] }] }] });
    // kafkajs 2.2.4 names the topic "name" here (admin/index.js), unlike its other results.
    expect(await admin.listPartitionReassignments({})).toEqual({
      topics: [{ name: "reassigned", partitions: [{ partition: 0, replicas: [3, 2, 1], addingReplicas: [3], removingReplicas: [1] }] }],
    });

    clock.advance(DELAY);
    expect(await admin.listPartitionReassignments({})).toEqual({ topics: [] });
    const { topics } = await admin.fetchTopicMetadata({ topics: ["reassigned"] });
    expect(topics[0].partitions[0]).toMatchObject({ partitionId: 0, leader: 3, replicas: [3, 2], isr: [3, 2] });
    const listed = await kcat(["-L", "-b", cluster.bootstrap, "-t", "reassigned"]);
    expect(listed).toMatch(/partition 0, leader 3, replicas: 3,2, isrs: 3,2/);

    await producer.send({ topic: "reassigned", acks: -1, messages: [{ value: "d" }] });
    await producer.disconnect();
    expect((await readAll(kafka, "reassigned", 4)).get(0)).toEqual(["a", "b", "c", "d"]);
  });

  it("reorders replicas, then a preferred election (ElectLeaders, which no installed client sends) moves the leader", async () => {
    await admin.createTopics({ topics: [{ topic: "reordered", replicaAssignment: [{ partition: 0, replicas: [1, 2, 3] }] }] });
    await admin.alterPartitionReassignments({ topics: [{ topic: "reordered", partitionAssignment: [{ partition: 0, replicas: [2, 3, 1] }] }] });
    expect(await admin.listPartitionReassignments({})).toEqual({ topics: [] }); // a reorder adds nothing: done at once
    expect(await kcat(["-L", "-b", cluster.bootstrap, "-t", "reordered"])).toMatch(/partition 0, leader 1, replicas: 2,3,1/);
    const elected = await rawRequest(cluster, 1, 43, 2, { electionType: 0, topicPartitions: [{ topic: "reordered", partitions: [0] }], timeoutMs: 5000 });
    expect(elected.replicaElectionResults[0].partitionResult).toEqual([{ partitionId: 0, errorCode: 0, errorMessage: null }]);
    expect(await kcat(["-L", "-b", cluster.bootstrap, "-t", "reordered"])).toMatch(/partition 0, leader 2, replicas: 2,3,1/);
    const { topics } = await admin.fetchTopicMetadata({ topics: ["reordered"] });
    expect(topics[0].partitions[0]).toMatchObject({ leader: 2, replicas: [2, 3, 1] });
  });

  it("surfaces Kafka's errors to kafkajs", async () => {
    await admin.createTopics({ topics: [{ topic: "stays", numPartitions: 1 }] });
    const refused = admin.alterPartitionReassignments({ topics: [{ topic: "stays", partitionAssignment: [{ partition: 0, replicas: [1, 9] }] }] });
    await expect(refused).rejects.toMatchObject({ errors: [expect.objectContaining({ type: "INVALID_REPLICA_ASSIGNMENT", topic: "stays", partition: 0 })] });
  });
});
