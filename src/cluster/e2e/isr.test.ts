// In-sync replicas as Kafka keeps them: a replica on a stopped broker leaves
// the ISR and rejoins when its broker starts; with acks=all and fewer
// in-sync replicas than min.insync.replicas a produce is refused
// (NOT_ENOUGH_REPLICAS) while acks=1 still succeeds; Metadata, cluster.topics()
// and the control endpoint all report the real ISR; a partition whose whole
// ISR is down stays offline until an ISR member returns (no unclean election).
import { describe, expect, it } from "vitest";
import { connectFaultControl } from "..";
import { client, clusterForThisFile, connectedAdmin } from "../test-support/kafka";

const started = clusterForThisFile({ brokers: 3 });

const partitionOf = (topic: string) => started().topics().find((t) => t.name === topic)!.partitions[0];

/** The Kafka error kafkajs reports, looked up through its wrappers (KafkaJSNumberOfRetriesExceeded's cause is the protocol error). */
async function errorType(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (err) {
    for (let e = err as { type?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
      if (e.type) return e.type;
    }
    return String(err);
  }
  return "no error";
}

describe("the ISR", () => {
  it("shrinks and grows with brokers, and min.insync.replicas refuses acks=all below it", async () => {
    const kafka = client(started().bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "isr", numPartitions: 1, replicationFactor: 3, configEntries: [{ name: "min.insync.replicas", value: "2" }] }] });
    const producer = kafka.producer({ retry: { retries: 0 } });
    await producer.connect();
    const control = connectFaultControl(started().controlUrl);
    const leader = partitionOf("isr").leader;
    const followers = [1, 2, 3].filter((b) => b !== leader);
    expect([...partitionOf("isr").isr].sort()).toEqual([1, 2, 3]);

    await control.stopBroker(followers[0]);
    expect([...partitionOf("isr").isr].sort()).toEqual([leader, followers[1]].sort());
    await producer.send({ topic: "isr", acks: -1, messages: [{ value: "two in sync" }] });

    await control.stopBroker(followers[1]);
    expect(partitionOf("isr").isr).toEqual([leader]);
    const [metadata] = (await admin.fetchTopicMetadata({ topics: ["isr"] })).topics;
    expect(metadata.partitions[0].isr).toEqual([leader]);
    const viaControl = (await control.topics()).find((t) => t.name === "isr")!;
    expect(viaControl.partitions[0]).toMatchObject({ leader, isr: [leader], replicas: partitionOf("isr").replicas });
    expect(await errorType(producer.send({ topic: "isr", acks: -1, messages: [{ value: "refused" }] }))).toBe("NOT_ENOUGH_REPLICAS");
    await producer.send({ topic: "isr", acks: 1, messages: [{ value: "acks=1 still works" }] });

    await control.startBroker(followers[0]);
    await control.startBroker(followers[1]);
    expect([...partitionOf("isr").isr].sort()).toEqual([1, 2, 3]);
    await producer.send({ topic: "isr", acks: -1, messages: [{ value: "back to three" }] });
    expect(started().records("isr", 0).map((r) => r.value!.toString())).toEqual(["two in sync", "acks=1 still works", "back to three"]);
    await producer.disconnect();
    await admin.disconnect();
  });

  it("keeps a partition offline while its last in-sync replica is down, and brings it back with that replica", async () => {
    const admin = await connectedAdmin(started().bootstrap);
    await admin.createTopics({ topics: [{ topic: "offline", numPartitions: 1, replicationFactor: 2 }] });
    const [first, second] = partitionOf("offline").replicas;
    const epoch = partitionOf("offline").leaderEpoch;
    await started().stopBroker(first);
    expect(partitionOf("offline")).toMatchObject({ leader: second, isr: [second], leaderEpoch: epoch + 1 });
    await started().stopBroker(second);
    expect(partitionOf("offline")).toMatchObject({ leader: -1, isr: [second] });
    await started().startBroker(first); // not in the ISR: electing it would be an unclean election
    expect(partitionOf("offline")).toMatchObject({ leader: -1, isr: [second] });
    await started().startBroker(second);
    expect(partitionOf("offline").leader).toBe(second);
    expect([...partitionOf("offline").isr].sort()).toEqual([first, second].sort());
    await admin.disconnect();
  });
});
