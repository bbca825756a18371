// Who leads each partition and who is in sync, as Kafka's controller decides
// it. Replication here is in-process, so a live replica is always caught up:
// while a partition has a leader its ISR is every live replica. A stopped
// broker leaves the ISR (a controlled shutdown), except that the ISR never
// becomes empty: the last in-sync replica stays in it, and the partition is
// offline (leader -1) until that replica returns — or, with
// unclean.leader.election.enable, until any replica does. The leader epoch
// grows at every change of leader (KIP-101/KIP-320).
import { ErrorCode } from "../protocol/errors";
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

/** An election a client asks for with ElectLeaders (KIP-460): 0 = preferred, 1 = unclean. */
export type ElectionType = 0 | 1;

/**
 * ElectLeaders for one partition, as Kafka's controller runs it
 * (ReplicationControlManager.electLeader, PartitionChangeBuilder): a preferred
 * election moves leadership to the first replica when it is live and in sync;
 * an unclean one gives an offline partition the first live in-sync replica,
 * else the first live replica. Returns the error code (NONE when it elected).
 */
export function electOnRequest(p: Leadership, type: ElectionType, isUp: IsUp): number {
  if (type === 0 ? p.leader === p.replicas[0] : p.leader >= 0) return ErrorCode.ELECTION_NOT_NEEDED;
  const eligible = (r: number) => isUp(r) && p.isr.includes(r);
  const preferred = p.replicas[0];
  if (type === 0) {
    // Kafka keeps a valid current leader rather than elect another when the preferred one cannot lead.
    if (!eligible(preferred)) return ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE;
    setLeader(p, preferred);
  } else if (!electClean(p, isUp)) {
    const live = p.replicas.find(isUp);
    if (live === undefined) return ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE;
    setLeader(p, live);
  }
  p.isr = p.replicas.filter(isUp);
  return ErrorCode.NONE;
}
