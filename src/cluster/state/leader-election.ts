// Who leads each partition and who is in sync, as Kafka's controller decides
// it. Replication here is in-process, so a live replica is always caught up:
// while a partition has a leader its ISR is every live replica. A stopped
// broker leaves the ISR (a controlled shutdown), except that the ISR never
// becomes empty: the last in-sync replica stays in it, and the partition is
// offline (leader -1) until that replica returns — or, with
// unclean.leader.election.enable, until any replica does. The leader epoch
// grows at every change of leader (KIP-101/KIP-320).
import type { BrokerInfo, Leadership } from "./model";

type IsUp = (nodeId: number) => boolean;

/** A new partition on these replicas: led by its first live replica, all live replicas in sync. */
export function initialLeadership(replicas: number[], isUp: IsUp): Leadership {
  const leader = replicas.find(isUp) ?? -1;
  return { leader, leaderEpoch: 0, replicas, isr: leader < 0 ? [replicas[0]] : replicas.filter(isUp) };
}

function setLeader(p: Leadership, leader: number): void {
  if (p.leader === leader) return;
  p.leader = leader;
  p.leaderEpoch += 1;
}

/** Elects among the live in-sync replicas (in replica order); returns whether a leader was found. */
function electClean(p: Leadership, isUp: IsUp): boolean {
  const candidate = p.replicas.find((r) => isUp(r) && p.isr.includes(r));
  if (candidate === undefined) return false;
  setLeader(p, candidate);
  return true;
}

/**
 * After broker `nodeId` stopped or started: re-elect leaders and recompute
 * ISRs. A returning broker takes back the partitions it is the preferred
 * (first) replica of, as Kafka's preferred leader election eventually does.
 */
export function reelect(p: Leadership, nodeId: number, up: boolean, isUp: IsUp, unclean: boolean): void {
  if (!p.replicas.includes(nodeId)) return;
  const leaderUp = p.leader >= 0 && isUp(p.leader);
  if (!leaderUp) {
    const elected = electClean(p, isUp) || (unclean && up && (setLeader(p, nodeId), true));
    if (!elected) {
      setLeader(p, -1);
      // The ISR keeps its last member: only that replica is known to hold every acknowledged record.
      const last = p.isr.filter((r) => r !== nodeId || !up);
      p.isr = last.length > 0 ? [last[last.length - 1]] : [nodeId];
      return;
    }
  } else if (up && p.replicas[0] === nodeId) {
    setLeader(p, nodeId);
  }
  p.isr = p.replicas.filter(isUp);
}

/** Makes `leader` lead the partition; a broker that is not yet a replica takes the place of the last one (a reassignment). */
export function moveLeader(p: Leadership, leader: BrokerInfo | undefined, leaderId: number, allIds: number[], isUp: IsUp): void {
  if (!leader) throw new Error(`no broker ${leaderId}; brokers are ${allIds.join(", ")}`);
  if (!leader.up) throw new Error(`broker ${leaderId} is stopped`);
  if (!p.replicas.includes(leaderId)) p.replicas = [...p.replicas.slice(0, -1), leaderId];
  setLeader(p, leaderId);
  p.isr = p.replicas.filter(isUp);
}

/** After a restart: a live stored leader keeps leading (and its epoch); otherwise a clean election. Every live replica is in sync. */
export function recoverLeadership(p: Leadership, isUp: IsUp): Leadership {
  const out = { ...p, replicas: [...p.replicas], isr: [...p.isr] };
  if (!(out.leader >= 0 && out.replicas.includes(out.leader) && isUp(out.leader)) && !electClean(out, isUp)) {
    setLeader(out, -1);
    return out;
  }
  out.isr = out.replicas.filter(isUp);
  return out;
}
