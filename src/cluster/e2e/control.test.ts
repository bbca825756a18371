// Fault control over the loopback endpoint, as a notebook uses it against a
// cluster in another process: stop and restart a broker, move a leader.
import { describe, expect, it } from "vitest";
import { connectFaultControl } from "..";
import { client, clusterForThisFile } from "../test-support/kafka";

const started = clusterForThisFile({ brokers: 3 });

describe("the control endpoint", () => {
  it("stops a broker (its partitions move to live replicas) and starts it again", async () => {
    const control = connectFaultControl(started().controlUrl);
    const kafka = client(started().bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "replicated", numPartitions: 3, replicationFactor: 2 }] });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: "replicated", acks: -1, messages: [0, 1, 2].map((p) => ({ partition: p, value: "before" })) });

    const victim = started().topics().find((t) => t.name === "replicated")!.partitions[0].leader;
    await control.stopBroker(victim);
    const info = await control.info();
    expect(info.brokers.find((b) => b.nodeId === victim)!.up).toBe(false);
    expect(started().topics().find((t) => t.name === "replicated")!.partitions.every((p) => p.leader !== victim && p.leader > 0)).toBe(true);
    await producer.send({ topic: "replicated", acks: -1, messages: [0, 1, 2].map((p) => ({ partition: p, value: "during" })) });

    await control.startBroker(victim);
    await control.moveLeader("replicated", 0, victim);
    await producer.send({ topic: "replicated", acks: -1, messages: [{ partition: 0, value: "after" }] });
    expect(started().records("replicated", 0).map((r) => r.value!.toString())).toEqual(["before", "during", "after"]);
    await expect(control.moveLeader("replicated", 0, 99)).rejects.toThrow(/no broker 99/);
    await producer.disconnect();
    await admin.disconnect();
  });
});
