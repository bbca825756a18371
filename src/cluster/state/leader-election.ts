// Who leads each partition, as Kafka's controller decides it: the first live
// replica, with the leader epoch bumped at every change (KIP-101/KIP-320).
import type { BrokerInfo, Partition } from "./model";

/** The preferred live leader of a partition: its first live replica, or -1 when none is up. */
export function firstLiveReplica(replicas: number[], isUp: (nodeId: number) => boolean): number {
  return replicas.find(isUp) ?? -1;
}

function setLeader(p: Partition, leader: number): void {
  if (p.leader === leader) return;
  p.leader = leader;
  p.leaderEpoch += 1;
}

/**
 * After broker `nodeId` went down or came up: partitions whose leader is
 * gone get the next live replica, and a returning broker takes back the
 * partitions it is the preferred (first) replica of.
 */
export function reelectLeaders(partitions: Iterable<Partition>, nodeId: number, up: boolean, isUp: (nodeId: number) => boolean): void {
  for (const p of partitions) {
    const leaderUp = p.leader >= 0 && isUp(p.leader);
    if (leaderUp && !(up && p.replicas[0] === nodeId)) continue;
    setLeader(p, firstLiveReplica(p.replicas, isUp));
  }
}

/** Makes `leader` lead the partition; a broker that is not yet a replica takes the place of the last one (a reassignment). */
export function moveLeader(p: Partition, leader: BrokerInfo | undefined, leaderId: number, allIds: number[]): void {
  if (!leader) throw new Error(`no broker ${leaderId}; brokers are ${allIds.join(", ")}`);
  if (!leader.up) throw new Error(`broker ${leaderId} is stopped`);
  if (!p.replicas.includes(leaderId)) p.replicas = [...p.replicas.slice(0, -1), leaderId];
  setLeader(p, leaderId);
}
