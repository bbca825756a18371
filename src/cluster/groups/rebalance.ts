import { Clock } from "../coordination/clock";
import { ErrorCode } from "../protocol/errors";
import { Group, GroupSnapshot, JoinResult, Member, SyncResult, metadataFor, selectProtocol, snapshotOf } from "./group";
import { subscribedTopics } from "./subscription";

/**
 * The timed half of the group coordinator: the join phase (waiting for every
 * member to rejoin, the rebalance timeout, the initial delay), the sync
 * timeout, and heartbeat expiry. The coordinator decides *when* a rebalance
 * is needed; this decides when it ends and who is still in.
 */
export class Rebalancer {
  constructor(
    private readonly clock: Clock,
    private readonly initialDelay: number,
    private readonly onChange?: (groupId: string, snapshot: GroupSnapshot | null) => void,
  ) {}

  /** Starts a join phase: every member must send JoinGroup again (they learn it from Heartbeat). */
  prepare(group: Group): void {
    if (group.state === "CompletingRebalance") {
      // The assignment being computed is for a generation that will never be Stable.
      for (const m of group.members.values()) {
        m.assignment = Buffer.alloc(0);
        const waiter = m.syncWaiter;
        m.syncWaiter = undefined;
        waiter?.(syncError(ErrorCode.REBALANCE_IN_PROGRESS, group));
      }
    }
    group.cancelSyncTimer?.();
    const wasEmpty = group.state === "Empty";
    group.state = "PreparingRebalance";
    group.initialDelayUntil = 0;
    const timeout = group.rebalanceTimeoutMs();
    group.cancelJoinTimer?.();
    group.cancelJoinTimer = this.clock.schedule(timeout, () => this.completeJoin(group));
    if (wasEmpty && this.initialDelay > 0) {
      group.initialDelayUntil = this.clock.now() + Math.min(this.initialDelay, timeout);
      this.clock.schedule(group.initialDelayUntil - this.clock.now(), () => this.maybeCompleteJoin(group));
    }
    this.maybeCompleteJoin(group);
  }

  /** Each new member pushes the initial delay further, never past the rebalance timeout (Kafka's InitialDelayedJoin). */
  extendInitialDelay(group: Group): void {
    const now = this.clock.now();
    group.initialDelayUntil = Math.max(group.initialDelayUntil, now + this.initialDelay);
    this.clock.schedule(group.initialDelayUntil - now, () => this.maybeCompleteJoin(group));
  }

  maybeCompleteJoin(group: Group): void {
    if (group.state !== "PreparingRebalance" || !group.allMembersJoined()) return;
    if (group.initialDelayUntil > this.clock.now()) return;
    this.completeJoin(group);
  }

  /** Ends the join phase: members that did not rejoin in time are dropped, the generation moves on. */
  private completeJoin(group: Group): void {
    if (group.state !== "PreparingRebalance") return;
    group.cancelJoinTimer?.();
    group.cancelJoinTimer = undefined;
    group.initialDelayUntil = 0;
    for (const m of [...group.members.values()]) if (!m.joinWaiter) this.dropMember(group, m);
    group.generationId += 1;
    if (group.members.size === 0) {
      group.state = "Empty";
      group.emptySince = this.clock.now();
      group.protocolName = null;
      group.leaderId = null;
      group.subscribedTopics = subscribedTopics(group);
      this.changed(group);
      return;
    }
    group.protocolName = selectProtocol(group);
    group.subscribedTopics = subscribedTopics(group);
    group.state = "CompletingRebalance";
    for (const m of group.members.values()) {
      const waiter = m.joinWaiter!;
      m.joinWaiter = undefined;
      waiter(this.joinAnswer(group, m));
      this.scheduleHeartbeat(group, m);
    }
    // Every member must send SyncGroup within the rebalance timeout — also after the leader's made the
    // group Stable — or leave, and the group rebalances (Kafka's DelayedSync, KAFKA-12890).
    const generation = group.generationId;
    group.pendingSync.clear();
    for (const m of group.members.values()) group.pendingSync.add(m.memberId);
    group.cancelSyncTimer = this.clock.schedule(group.rebalanceTimeoutMs(), () => {
      if ((group.state !== "CompletingRebalance" && group.state !== "Stable") || group.generationId !== generation) return;
      const late = [...group.members.values()].filter((m) => group.pendingSync.has(m.memberId));
      if (late.length === 0) return;
      for (const m of late) this.dropMember(group, m);
      this.prepare(group);
    });
  }

  joinAnswer(group: Group, member: Member): JoinResult {
    const isLeader = group.leaderId === member.memberId;
    return {
      errorCode: ErrorCode.NONE,
      generationId: group.generationId,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      leader: group.leaderId ?? "",
      memberId: member.memberId,
      members: isLeader
        ? [...group.members.values()].map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: metadataFor(m, group.protocolName) }))
        : [],
    };
  }

  scheduleHeartbeat(group: Group, member: Member): void {
    member.cancelHeartbeat?.();
    member.cancelHeartbeat = this.clock.schedule(member.sessionTimeoutMs, () => {
      member.cancelHeartbeat = undefined;
      if (group.members.get(member.memberId) !== member) return;
      // A member parked in JoinGroup or SyncGroup is alive: its request is the proof.
      if (member.joinWaiter || member.syncWaiter) return this.scheduleHeartbeat(group, member);
      this.removeMember(group, member);
    });
  }

  /** A member left or went silent: the others must rebalance without it. */
  removeMember(group: Group, member: Member): void {
    this.dropMember(group, member);
    if (group.state === "Stable" || group.state === "CompletingRebalance") this.prepare(group);
    else if (group.state === "PreparingRebalance") this.maybeCompleteJoin(group);
  }

  dropMember(group: Group, member: Member): void {
    member.cancelHeartbeat?.();
    member.joinWaiter?.(joinError(ErrorCode.UNKNOWN_MEMBER_ID, member.memberId));
    member.syncWaiter?.(syncError(ErrorCode.UNKNOWN_MEMBER_ID, group));
    member.joinWaiter = member.syncWaiter = undefined;
    group.members.delete(member.memberId);
    if (group.leaderId === member.memberId) group.leaderId = group.members.keys().next().value ?? null;
  }

  /** The group reached a generation boundary (Stable or Empty): tell the persistence hook. */
  changed(group: Group): void {
    this.onChange?.(group.groupId, snapshotOf(group));
  }
}

export function joinError(errorCode: number, memberId: string): JoinResult {
  return { errorCode, generationId: -1, protocolType: null, protocolName: null, leader: "", memberId, members: [] };
}

export function syncError(errorCode: number, group: Group | undefined): SyncResult {
  return { errorCode, protocolType: group?.protocolType ?? null, protocolName: group?.protocolName ?? null, assignment: Buffer.alloc(0) };
}
