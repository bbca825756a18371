// Partition reassignments (KIP-455) as Kafka's KRaft controller runs them
// (metadata/.../controller/ReplicationControlManager.java,
// PartitionReassignmentReplicas.java, PartitionReassignmentRevert.java):
//   1. the replica list becomes target + the replicas being removed, and the
//      adding/removing lists are recorded;
//   2. once every target replica is in the ISR, the removed replicas leave the
//      replica list and the ISR, and the lists are cleared — at once when
//      nothing is added (a reorder or a shrink);
//   3. a leader that left the replica set is replaced by the first live
//      in-sync replica of the new list (a new leader epoch).
// A cancel (null replicas) drops the added replicas and keeps the others.
// Replication is in-process here, so "catching up" is a delay the cluster
// chooses (ClusterState); these functions only change one partition's data.
import type { Leadership } from "./model";

type IsUp = (nodeId: number) => boolean;

/** Kafka's validateManualPartitionAssignment: why `target` cannot be a replica list, or undefined. */
export function invalidAssignment(target: number[], brokerIds: number[]): string | undefined {
  if (target.length === 0) return "The manual partition assignment includes an empty replica list.";
  const sorted = [...target].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) {
    if (!brokerIds.includes(sorted[i])) return `The manual partition assignment includes broker ${sorted[i]}, but no such broker is registered.`;
    if (i > 0 && sorted[i] === sorted[i - 1]) return `The manual partition assignment includes the broker ${sorted[i]} more than once.`;
  }
  return undefined;
}

export function isReassigning(p: Leadership): boolean {
  return (p.addingReplicas?.length ?? 0) > 0 || (p.removingReplicas?.length ?? 0) > 0;
}

const minus = (a: number[], b: number[]) => a.filter((x) => !b.includes(x));
const sortedIds = (ids: number[]) => [...ids].sort((a, b) => a - b);

/** Starts a reassignment to `target` (replacing one in progress, from the current merged list, as KRaft does); completes it when nothing is to be added. */
export function startReassignment(p: Leadership, target: number[], isUp: IsUp): void {
  const removing = sortedIds(minus(p.replicas, target));
  const adding = sortedIds(minus(target, p.replicas));
  p.replicas = [...target, ...removing];
  if (adding.length === 0 && removing.length === 0) return; // a reorder: nothing to wait for
  p.addingReplicas = adding;
  p.removingReplicas = removing;
  // A replica being added is not in sync until it has caught up.
  p.isr = p.isr.filter((r) => !adding.includes(r));
  completeIfCaughtUp(p, isUp);
}

/** The added replicas have copied the log: the live ones join the ISR, and the reassignment completes if every target replica is in sync. */
export function catchUp(p: Leadership, isUp: IsUp): void {
  if (!isReassigning(p)) return;
  p.isr = p.replicas.filter((r) => p.isr.includes(r) || (isUp(r) && p.leader >= 0));
  completeIfCaughtUp(p, isUp);
}

/** Step 2 above (PartitionReassignmentReplicas.maybeCompleteReassignment); returns whether it completed. */
export function completeIfCaughtUp(p: Leadership, isUp: IsUp): boolean {
  if (!isReassigning(p)) return false;
  const removing = p.removingReplicas ?? [];
  const isr = minus(p.isr, removing);
  const replicas = minus(p.replicas, removing);
  if (isr.length === 0 || replicas.length === 0 || !replicas.every((r) => isr.includes(r))) return false;
  settle(p, replicas, isr, isUp);
  return true;
}

/**
 * Cancels the reassignment in progress (PartitionReassignmentRevert): the added
 * replicas go, the removed ones stay. Returns an error message when Kafka
 * refuses: reverting would need an unclean election and the topic forbids it.
 */
export function cancelReassignment(p: Leadership, isUp: IsUp, uncleanAllowed: boolean): string | undefined {
  const adding = p.addingReplicas ?? [];
  const replicas = minus(p.replicas, adding);
  let isr = minus(p.isr, adding);
  if (isr.length === 0) {
    if (!uncleanAllowed) return "it would require an unclean leader election.";
    isr = [replicas[0]];
  }
  settle(p, replicas, isr, isUp);
  return undefined;
}

/**
 * Ends the reassignment on these replicas and ISR. A leader outside them
 * gives way to the first live in-sync replica (a new leader epoch); none: offline.
 */
function settle(p: Leadership, replicas: number[], isr: number[], isUp: IsUp): void {
  p.replicas = replicas;
  p.isr = isr;
  delete p.addingReplicas;
  delete p.removingReplicas;
  if (p.leader >= 0 && p.replicas.includes(p.leader) && p.isr.includes(p.leader) && isUp(p.leader)) return;
  const next = p.replicas.find((r) => p.isr.includes(r) && isUp(r)) ?? -1;
  if (next === p.leader) return;
  p.leader = next;
  p.leaderEpoch += 1;
}
