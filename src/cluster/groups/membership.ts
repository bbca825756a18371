// How a member enters or re-enters a group's join phase (JoinGroup), and
// the requests that drive it.
import { ErrorCode } from "../protocol/errors";
import { Group, JoinResult, Member } from "./group";
import { joinError, type Rebalancer } from "./rebalance";

/** A JoinGroup as the coordinator sees it: what the member tells about itself, plus where it wants in. */
export type JoinRequest = Pick<Member, "clientId" | "clientHost" | "sessionTimeoutMs" | "protocolType" | "protocols"> & {
  groupId: string;
  memberId: string;
  groupInstanceId?: string | null;
  /** JoinGroup v0 has none: Kafka then uses the session timeout. */
  rebalanceTimeoutMs: number;
  /** JoinGroup v4+: a first join is answered MEMBER_ID_REQUIRED with the id to rejoin with. */
  requireKnownMemberId: boolean;
};

export type SyncRequest = {
  groupId: string;
  generationId: number;
  memberId: string;
  assignments: { memberId: string; assignment: Buffer }[];
};

/** A new member joins: it waits in JoinGroup until the join phase it starts (or is part of) ends. */
export function addMember(rebalance: Rebalancer, group: Group, memberId: string, req: JoinRequest): Promise<JoinResult> {
  return new Promise((resolve) => {
    const member = newMember(memberId, req, resolve);
    if (group.members.size === 0) group.protocolType = req.protocolType;
    group.members.set(memberId, member);
    group.leaderId ??= memberId;
    if (group.state === "PreparingRebalance") {
      if (group.initialDelayUntil > 0) rebalance.extendInitialDelay(group);
      rebalance.maybeCompleteJoin(group);
    } else {
      rebalance.prepare(group);
    }
  });
}

/**
 * The mutation test's "join-never-rebalances" defect (../defects.ts): the
 * newcomer is answered at once with the current generation, and SyncGroup
 * gives it an empty assignment; the members already in keep their partitions.
 */
export function joinWithoutRebalance(rebalance: Rebalancer, group: Group, memberId: string, req: JoinRequest): Promise<JoinResult> {
  const member = newMember(memberId, req, undefined);
  group.members.set(memberId, member);
  rebalance.scheduleHeartbeat(group, member);
  return Promise.resolve(rebalance.joinAnswer(group, member));
}

function newMember(memberId: string, req: JoinRequest, joinWaiter: Member["joinWaiter"]): Member {
  return {
    memberId,
    groupInstanceId: req.groupInstanceId ?? null,
    clientId: req.clientId,
    clientHost: req.clientHost,
    sessionTimeoutMs: req.sessionTimeoutMs,
    rebalanceTimeoutMs: req.rebalanceTimeoutMs,
    protocolType: req.protocolType,
    protocols: req.protocols,
    assignment: Buffer.alloc(0),
    joinWaiter,
  };
}

/** A known member rejoins (a new rebalance, or new protocols): it waits in JoinGroup like a new one. */
export function updateMember(rebalance: Rebalancer, group: Group, member: Member, req: JoinRequest): Promise<JoinResult> {
  return new Promise((resolve) => {
    // A duplicate JoinGroup (client retry) replaces the parked one; the old connection gets told to retry.
    member.joinWaiter?.(joinError(ErrorCode.REBALANCE_IN_PROGRESS, member.memberId));
    member.protocols = req.protocols;
    member.sessionTimeoutMs = req.sessionTimeoutMs;
    member.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
    member.joinWaiter = resolve;
    member.cancelHeartbeat?.();
    member.cancelHeartbeat = undefined;
    if (group.state === "PreparingRebalance") rebalance.maybeCompleteJoin(group);
    else rebalance.prepare(group);
  });
}

/** The group without `except`: whether a rejoining member's new protocols suit the others. */
export function otherMembers(group: Group, except: Member): Group {
  const copy = new Group(group.groupId);
  copy.protocolType = group.protocolType;
  for (const m of group.members.values()) if (m !== except) copy.members.set(m.memberId, m);
  return copy;
}
