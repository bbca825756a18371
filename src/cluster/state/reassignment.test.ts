// The reassignment rules against the cases of Kafka's own tests
// (PartitionReassignmentReplicasTest, PartitionReassignmentRevertTest,
// ReplicationControlManagerTest.testReassignPartitions).
import { describe, expect, it } from "vitest";
import type { Leadership } from "./model";
import { cancelReassignment, catchUp, invalidAssignment, isReassigning, startReassignment } from "./reassignment";

const allUp = () => true;
const upExcept = (...down: number[]) => (id: number) => !down.includes(id);
const led = (replicas: number[], leader = replicas[0]): Leadership => ({ leader, leaderEpoch: 3, replicas, isr: [...replicas] });

describe("a partition reassignment", () => {
  it("holds target + removed replicas until the added ones catch up, then drops the removed ones and moves the leader", () => {
    const p = led([1, 2]);
    startReassignment(p, [2, 3], allUp);
    expect(p).toMatchObject({ replicas: [2, 3, 1], addingReplicas: [3], removingReplicas: [1], isr: [1, 2], leader: 1, leaderEpoch: 3 });
    catchUp(p, allUp);
    expect(isReassigning(p)).toBe(false);
    expect(p).toMatchObject({ replicas: [2, 3], isr: [2, 3], leader: 2, leaderEpoch: 4 });
  });

  it("completes at once when nothing is added (a shrink or a reorder), keeping a leader that stays a replica", () => {
    const shrink = led([1, 2, 3]);
    startReassignment(shrink, [1, 2], allUp);
    expect(shrink).toEqual({ leader: 1, leaderEpoch: 3, replicas: [1, 2], isr: [1, 2] });
    const reorder = led([1, 2, 3]);
    startReassignment(reorder, [3, 2, 1], allUp);
    expect(reorder).toEqual({ leader: 1, leaderEpoch: 3, replicas: [3, 2, 1], isr: [1, 2, 3] });
  });

  it("stays in progress while an added replica is down", () => {
    const p = led([1]);
    startReassignment(p, [2, 3], allUp);
    catchUp(p, upExcept(3));
    expect(p).toMatchObject({ replicas: [2, 3, 1], addingReplicas: [2, 3], isr: [2, 1], leader: 1 });
  });

  it("starts a new reassignment from the merged list of the one in progress", () => {
    const p = led([1, 2]);
    startReassignment(p, [3, 4], allUp);
    expect(p).toMatchObject({ replicas: [3, 4, 1, 2], addingReplicas: [3, 4], removingReplicas: [1, 2] });
    startReassignment(p, [1, 2], allUp); // back where it was: 3 and 4 are removed, nothing to add
    expect(p).toEqual({ leader: 1, leaderEpoch: 3, replicas: [1, 2], isr: [1, 2] });
  });

  it("is cancelled by dropping the added replicas and keeping the removed ones, in the merged order", () => {
    const p = led([1, 2, 3]);
    startReassignment(p, [3, 4], allUp);
    expect(cancelReassignment(p, allUp, false)).toBeUndefined();
    expect(p).toEqual({ leader: 1, leaderEpoch: 3, replicas: [3, 1, 2], isr: [1, 2, 3] });
  });

  it("refuses a cancel that would need an unclean election unless the topic allows one", () => {
    const p = led([1]);
    startReassignment(p, [2], allUp);
    catchUp(p, upExcept(2)); // 2 is down: still adding
    p.isr = [2]; // as if 1 had fallen out of the ISR meanwhile
    expect(cancelReassignment(p, allUp, false)).toMatch(/unclean leader election/);
    expect(cancelReassignment(p, allUp, true)).toBeUndefined();
    expect(p).toMatchObject({ replicas: [1], isr: [1], leader: 1 });
  });

  it("accepts only non-empty lists of distinct registered brokers, with Kafka's messages", () => {
    expect(invalidAssignment([], [1, 2])).toBe("The manual partition assignment includes an empty replica list.");
    expect(invalidAssignment([1, 7], [1, 2])).toBe("The manual partition assignment includes broker 7, but no such broker is registered.");
    expect(invalidAssignment([2, 1, 2], [1, 2])).toBe("The manual partition assignment includes the broker 2 more than once.");
    expect(invalidAssignment([2, 1], [1, 2])).toBeUndefined();
  });
});
