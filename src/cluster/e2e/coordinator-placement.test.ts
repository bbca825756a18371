// Which broker coordinates a group or transactional id, as Kafka decides it:
// the leader of partition Utils.abs(id.hashCode()) % 50 of __consumer_offsets
// (__transaction_state for transactional ids). Stopping a broker moves only
// the ids whose partition it led; every other id keeps its coordinator.
import { afterEach, describe, expect, it } from "vitest";
import { createCluster, type ClusterCore } from "../core";
import { coordinatorPartition, javaStringHash } from "../coordination/placement";
import { rawRequest } from "../test-support/raw-request";

const clusters: ClusterCore[] = [];
afterEach(async () => Promise.all(clusters.splice(0).map((c) => c.stop())));

async function coordinatorOf(cluster: ClusterCore, key: string, keyType: number, via: number): Promise<number> {
  const answer = await rawRequest(cluster, via, 10, 2, { key, keyType });
  expect(answer.errorCode, `FindCoordinator ${key}`).toBe(0);
  return answer.nodeId;
}

describe("coordinator placement", () => {
  it("hashes with Java's String.hashCode and Kafka's Utils.abs", () => {
    expect(javaStringHash("polygenelubricants")).toBe(-(2 ** 31)); // Utils.abs(Integer.MIN_VALUE) is 0, not negative
    expect(coordinatorPartition("polygenelubricants", 50)).toBe(0);
    expect(javaStringHash("a-long-group-name-that-overflows")).toBe(-6841830);
    expect(coordinatorPartition("a-long-group-name-that-overflows", 50)).toBe(30); // abs, not & 0x7fffffff (which gives 18)
    expect(coordinatorPartition("abc", 50)).toBe(96354 % 50);
  });

  it("keeps every id's coordinator when a broker that does not coordinate it stops", async () => {
    const cluster = await createCluster({ brokers: 3 });
    clusters.push(cluster);
    const ids = Array.from({ length: 40 }, (_, i) => `group-${i}`);
    const before = new Map<string, number>();
    for (const id of ids) before.set(id, await coordinatorOf(cluster, id, 0, 1));
    expect(new Set(before.values()).size).toBe(3); // ids spread over all brokers
    await cluster.stopBroker(3);
    for (const id of ids) {
      const now = await coordinatorOf(cluster, id, 0, 1);
      if (before.get(id) !== 3) expect(now, id).toBe(before.get(id));
      else expect(now, id).not.toBe(3);
    }
    for (const id of ids) expect(await coordinatorOf(cluster, `txn-${id}`, 1, 2)).not.toBe(3);
  });
});
