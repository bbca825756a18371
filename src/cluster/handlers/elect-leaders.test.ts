// ElectLeaders over the wire (v2, flexible; v0 without an election type),
// with the outcomes of Kafka's controller (ReplicationControlManager.electLeader):
// a preferred election after a reassignment reordered the replicas, the
// errors when none is needed or possible, an unclean election for an offline
// partition, and "every partition" leaving out those that need nothing.
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../protocol";
import { clientOf, coreClusterForThisFile } from "../test-support/produce-requests";

const env = coreClusterForThisFile({ brokers: 3 });
const PREFERRED = 0;
const UNCLEAN = 1;

async function elect(electionType: number, topicPartitions: { topic: string; partitions: number[] }[] | null, version = 2) {
  const client = await clientOf(env.cluster, 3);
  const response = await client.request(43, version, { electionType, topicPartitions, timeoutMs: 1000 });
  client.close();
  return response;
}

const leaderOf = (topic: string) => {
  const p = env.cluster.state.partition(topic, 0)!;
  return { leader: p.leader, leaderEpoch: p.leaderEpoch, isr: p.isr };
};

describe("ElectLeaders", () => {
  it("moves leadership to the preferred replica, once", async () => {
    env.cluster.state.createTopic("preferred", [[1, 2, 3]]);
    env.cluster.state.alterReassignment("preferred", 0, [3, 2, 1]); // a reorder completes at once and keeps leader 1
    expect(leaderOf("preferred")).toMatchObject({ leader: 1, leaderEpoch: 0 });
    expect(await elect(PREFERRED, [{ topic: "preferred", partitions: [0] }])).toEqual({
      throttleTimeMs: 0, errorCode: 0, replicaElectionResults: [{ topic: "preferred", partitionResult: [{ partitionId: 0, errorCode: ErrorCode.NONE, errorMessage: null }] }],
    });
    expect(leaderOf("preferred")).toMatchObject({ leader: 3, leaderEpoch: 1 });
    const again = await elect(PREFERRED, [{ topic: "preferred", partitions: [0] }], 0);
    expect(again.replicaElectionResults[0].partitionResult[0]).toEqual({ partitionId: 0, errorCode: ErrorCode.ELECTION_NOT_NEEDED, errorMessage: null });
    expect(leaderOf("preferred").leaderEpoch).toBe(1);
  });

  it("answers PREFERRED_LEADER_NOT_AVAILABLE while the preferred replica is down, and unknown partitions as Kafka does", async () => {
    env.cluster.state.createTopic("preferred-down", [[2, 1]]);
    await env.cluster.moveLeader("preferred-down", 0, 1);
    await env.cluster.stopBroker(2);
    try {
      const response = await elect(PREFERRED, [{ topic: "preferred-down", partitions: [0, 5] }, { topic: "no-such", partitions: [0] }]);
      expect(response.replicaElectionResults).toEqual([
        { topic: "preferred-down", partitionResult: [
          { partitionId: 0, errorCode: ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE, errorMessage: null },
          { partitionId: 5, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: "No such partition as preferred-down-5" },
        ] },
        { topic: "no-such", partitionResult: [{ partitionId: 0, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: "No such topic as no-such" }] },
      ]);
      expect(leaderOf("preferred-down")).toMatchObject({ leader: 1, leaderEpoch: 1 });
    } finally {
      await env.cluster.startBroker(2);
    }
  });

  it("brings an offline partition back with an unclean election, on the first live replica", async () => {
    env.cluster.state.createTopic("offline", [[1, 2]]);
    await env.cluster.stopBroker(2);
    await env.cluster.stopBroker(1);
    try {
      expect((await elect(UNCLEAN, [{ topic: "offline", partitions: [0] }])).replicaElectionResults[0].partitionResult[0].errorCode).toBe(ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE);
      await env.cluster.startBroker(2); // not in the ISR: unclean.leader.election.enable is off, so the partition stays offline
      expect(leaderOf("offline")).toMatchObject({ leader: -1, isr: [1] });
      expect((await elect(UNCLEAN, [{ topic: "offline", partitions: [0] }])).replicaElectionResults[0].partitionResult[0].errorCode).toBe(ErrorCode.NONE);
      expect(leaderOf("offline")).toMatchObject({ leader: 2, isr: [2] });
      expect((await elect(UNCLEAN, [{ topic: "offline", partitions: [0] }])).replicaElectionResults[0].partitionResult[0].errorCode).toBe(ErrorCode.ELECTION_NOT_NEEDED);
    } finally {
      await env.cluster.startBroker(1);
    }
  });

  it("with null partitions elects wherever needed and lists only those", async () => {
    env.cluster.state.createTopic("all-a", [[1, 2], [2, 1]]);
    await env.cluster.moveLeader("all-a", 1, 1);
    const { replicaElectionResults } = await elect(PREFERRED, null);
    expect(replicaElectionResults.find((r: { topic: string }) => r.topic === "all-a")).toEqual({ topic: "all-a", partitionResult: [{ partitionId: 1, errorCode: 0, errorMessage: null }] });
    expect(replicaElectionResults.flatMap((r: { partitionResult: { errorCode: number }[] }) => r.partitionResult).every((p: { errorCode: number }) => p.errorCode !== ErrorCode.ELECTION_NOT_NEEDED)).toBe(true);
    expect(env.cluster.state.partition("all-a", 1)!.leader).toBe(2);
  });
});
