import { Clock, systemClock } from "../coordination/clock";
import { NO_DEFECTS, type Defects } from "../defects";
import { ErrorCode } from "../protocol/errors";
import {
  Group, GroupSnapshot, GroupState, JoinResult, SyncResult,
  acceptsProtocols, describe, sameProtocols, snapshotOf,
} from "./group";
import { addMember, joinWithoutRebalance, otherMembers, updateMember, type JoinRequest, type SyncRequest } from "./membership";
import { commitVerdict } from "./commit-rules";
import type { GroupInfo } from "./expiry";
import { Rebalancer, joinError, syncError } from "./rebalance";
import { offsetDeletion, subscribedTopics, type OffsetDeletion } from "./subscription";

export type { GroupSnapshot } from "./group";
export type { JoinRequest, SyncRequest } from "./membership";

export type GroupCoordinatorOptions = {
  clock?: Clock;
  /** Kafka's group.min.session.timeout.ms (6 s) and group.max.session.timeout.ms (30 min). */
  minSessionTimeoutMs?: number;
  maxSessionTimeoutMs?: number;
  /**
   * Kafka's group.initial.rebalance.delay.ms. Kafka ships 3000; we default to 0
   * (what most local/dev Kafka setups configure) so a lone consumer starts at once.
   */
  initialRebalanceDelayMs?: number;
  /** Called when a group reaches a new generation (Stable or Empty) or is deleted: the persistence hook. */
  onChange?: (groupId: string, snapshot: GroupSnapshot | null) => void;
  /** The deliberate defects of the course's mutation test (../defects.ts); none otherwise. */
  defects?: Defects;
};

/**
 * Kafka's group coordinator for the classic protocol: JoinGroup / SyncGroup /
 * Heartbeat / LeaveGroup drive Empty → PreparingRebalance → CompletingRebalance
 * → Stable. JoinGroup and SyncGroup answers are promises that settle when the
 * phase ends, exactly as Kafka parks those requests.
 */
export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();
  private readonly clock: Clock;
  private readonly minSession: number;
  private readonly maxSession: number;
  private readonly rebalance: Rebalancer;

  constructor(private readonly options: GroupCoordinatorOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.minSession = options.minSessionTimeoutMs ?? 6_000;
    this.maxSession = options.maxSessionTimeoutMs ?? 1_800_000;
    this.rebalance = new Rebalancer(this.clock, options.initialRebalanceDelayMs ?? 0, options.onChange);
  }

  joinGroup(req: JoinRequest): Promise<JoinResult> {
    const fail = (errorCode: number, memberId = req.memberId) => Promise.resolve(joinError(errorCode, memberId));
    if (req.groupId === "") return fail(ErrorCode.INVALID_GROUP_ID);
    if (req.sessionTimeoutMs < this.minSession || req.sessionTimeoutMs > this.maxSession) {
      return fail(ErrorCode.INVALID_SESSION_TIMEOUT);
    }
    let group = this.groups.get(req.groupId);
    if (!group) {
      if (req.memberId !== "") return fail(ErrorCode.UNKNOWN_MEMBER_ID);
      group = new Group(req.groupId);
      this.groups.set(req.groupId, group);
    }
    if (group.state === "Dead") return fail(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    const known = req.memberId !== "" && group.members.has(req.memberId);
    if (!known && !acceptsProtocols(group, req.protocolType, req.protocols)) {
      return fail(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    }

    if (req.memberId === "") {
      const memberId = `${req.clientId}-${globalThis.crypto.randomUUID()}`;
      if (req.requireKnownMemberId) {
        // The id is reserved for one session timeout; a member that never comes back is forgotten.
        const g = group;
        const cancel = this.clock.schedule(req.sessionTimeoutMs, () => {
          g.pending.delete(memberId);
          this.rebalance.maybeCompleteJoin(g);
        });
        group.pending.set(memberId, cancel);
        return fail(ErrorCode.MEMBER_ID_REQUIRED, memberId);
      }
      return this.admit(group, memberId, req);
    }
    const cancelPending = group.pending.get(req.memberId);
    if (cancelPending) {
      cancelPending();
      group.pending.delete(req.memberId);
      return this.admit(group, req.memberId, req);
    }
    const member = group.members.get(req.memberId);
    if (!member) return fail(ErrorCode.UNKNOWN_MEMBER_ID);
    if (!sameProtocols(member.protocols, req.protocols) && !acceptsProtocols(otherMembers(group, member), req.protocolType, req.protocols)) {
      return fail(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    }
    switch (group.state) {
      case "PreparingRebalance":
        return updateMember(this.rebalance, group, member, req);
      case "CompletingRebalance":
        // The member missed the join answer (a retry): hand it the same answer again.
        if (sameProtocols(member.protocols, req.protocols)) return Promise.resolve(this.rebalance.joinAnswer(group, member));
        return updateMember(this.rebalance, group, member, req);
      case "Stable":
        // A follower rejoining unchanged keeps the generation; the leader rejoining forces a new one
        // (that is how a leader reacts to topic metadata changes).
        if (group.leaderId !== member.memberId && sameProtocols(member.protocols, req.protocols)) {
          return Promise.resolve(this.rebalance.joinAnswer(group, member));
        }
        return updateMember(this.rebalance, group, member, req);
      default:
        return fail(ErrorCode.UNKNOWN_MEMBER_ID);
    }
  }

  /** A new member joins, which starts a rebalance (unless the mutation test's "join-never-rebalances" defect is on). */
  private admit(group: Group, memberId: string, req: JoinRequest): Promise<JoinResult> {
    if (group.state === "Stable" && (this.options.defects ?? NO_DEFECTS).has("join-never-rebalances")) return joinWithoutRebalance(this.rebalance, group, memberId, req);
    return addMember(this.rebalance, group, memberId, req);
  }

  syncGroup(req: SyncRequest): Promise<SyncResult> {
    const group = this.groups.get(req.groupId);
    const fail = (errorCode: number) => Promise.resolve(syncError(errorCode, group));
    const member = group?.members.get(req.memberId);
    if (!group || !member) return fail(ErrorCode.UNKNOWN_MEMBER_ID);
    if (req.generationId !== group.generationId) return fail(ErrorCode.ILLEGAL_GENERATION);
    group.pendingSync.delete(member.memberId);
    switch (group.state) {
      case "PreparingRebalance":
        return fail(ErrorCode.REBALANCE_IN_PROGRESS);
      case "Stable":
        this.rebalance.scheduleHeartbeat(group, member);
        return Promise.resolve({ ...syncError(ErrorCode.NONE, group), assignment: member.assignment });
      case "CompletingRebalance":
        break;
      default:
        return fail(ErrorCode.UNKNOWN_MEMBER_ID);
    }
    return new Promise<SyncResult>((resolve) => {
      member.syncWaiter?.(syncError(ErrorCode.REBALANCE_IN_PROGRESS, group));
      member.syncWaiter = resolve;
      this.rebalance.scheduleHeartbeat(group, member);
      if (group.leaderId !== member.memberId) return;
      const given = new Map(req.assignments.map((a) => [a.memberId, a.assignment]));
      for (const m of group.members.values()) m.assignment = given.get(m.memberId) ?? Buffer.alloc(0);
      // The sync timer keeps running for members that have not sent SyncGroup yet.
      if (group.pendingSync.size === 0) group.cancelSyncTimer?.();
      group.state = "Stable";
      for (const m of group.members.values()) {
        const waiter = m.syncWaiter;
        m.syncWaiter = undefined;
        waiter?.({ ...syncError(ErrorCode.NONE, group), assignment: m.assignment });
      }
      this.rebalance.changed(group);
    });
  }

  /** Heartbeat: keeps a member alive and tells it (REBALANCE_IN_PROGRESS) when it must rejoin. */
  heartbeat(groupId: string, generationId: number, memberId: string): number {
    const group = this.groups.get(groupId);
    const member = group?.members.get(memberId);
    if (!group || group.state === "Empty") return ErrorCode.UNKNOWN_MEMBER_ID;
    if (group.state === "Dead") return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    if (!member) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    this.rebalance.scheduleHeartbeat(group, member);
    return group.state === "PreparingRebalance" ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE;
  }

  /** LeaveGroup for one or more members; returns one error code per member in request order. */
  leaveGroup(groupId: string, memberIds: string[]): { errorCode: number; memberErrors: number[] } {
    const group = this.groups.get(groupId);
    if (!group || group.state === "Dead") {
      return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID, memberErrors: memberIds.map(() => ErrorCode.UNKNOWN_MEMBER_ID) };
    }
    const memberErrors = memberIds.map((id) => {
      const cancelPending = group.pending.get(id);
      if (cancelPending) {
        cancelPending();
        group.pending.delete(id);
        this.rebalance.maybeCompleteJoin(group);
        return ErrorCode.NONE;
      }
      const member = group.members.get(id);
      if (!member) return ErrorCode.UNKNOWN_MEMBER_ID;
      this.rebalance.removeMember(group, member);
      return ErrorCode.NONE;
    });
    const errorCode = memberIds.length === 1 ? memberErrors[0] : ErrorCode.NONE;
    return { errorCode, memberErrors };
  }

  /** Whether an OffsetCommit (or, `transactional`, a TxnOffsetCommit) may commit to the group (./commit-rules.ts); creates a group Kafka would create. */
  checkCommit(groupId: string, generationId: number, memberId: string, transactional = false): number {
    const group = this.groups.get(groupId);
    const verdict = commitVerdict(group, { generationId, memberId, transactional });
    if (verdict === "create") this.groups.set(groupId, new Group(groupId));
    const member = group?.members.get(memberId);
    if (verdict === ErrorCode.NONE && member && !transactional) this.rebalance.scheduleHeartbeat(group!, member);
    return verdict === "create" ? ErrorCode.NONE : verdict;
  }

  /** Starts a rebalance as if the group's metadata changed (teaching and soak tests use it). */
  forceRebalance(groupId: string): boolean {
    const group = this.groups.get(groupId);
    if (!group || (group.state !== "Stable" && group.state !== "CompletingRebalance")) return false;
    this.rebalance.prepare(group);
    return true;
  }

  describeGroup(groupId: string) {
    const group = this.groups.get(groupId);
    if (!group) return { groupId, groupState: "Dead", protocolType: "", protocolData: "", members: [] };
    return describe(group);
  }

  listGroups(): { groupId: string; protocolType: string; groupState: GroupState }[] {
    return [...this.groups.values()].map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? "", groupState: g.state }));
  }

  /** Deletes an Empty group (its offsets go with it, in the caller). */
  deleteGroup(groupId: string): number {
    const group = this.groups.get(groupId);
    if (!group) return ErrorCode.GROUP_ID_NOT_FOUND;
    if (group.state !== "Empty") return ErrorCode.NON_EMPTY_GROUP;
    group.state = "Dead";
    this.groups.delete(groupId);
    this.options.onChange?.(groupId, null);
    return ErrorCode.NONE;
  }

  /** What OffsetDelete may remove of a group's offsets (./subscription.ts); undefined: no such group here. */
  offsetDeletion(groupId: string): OffsetDeletion | undefined {
    return offsetDeletion(this.groups.get(groupId));
  }

  hasGroup(groupId: string): boolean {
    return this.groups.has(groupId);
  }

  /** What offset expiry needs to know of a group (./expiry.ts). */
  groupInfo(groupId: string): GroupInfo | undefined {
    const g = this.groups.get(groupId);
    return g && { state: g.state, protocolType: g.protocolType, emptySince: g.emptySince };
  }

  /** Deletes the group if it is Empty and no member is half-way in (Kafka does so once it has no offsets left). */
  removeIfEmpty(groupId: string): void {
    const g = this.groups.get(groupId);
    if (g?.state === "Empty" && g.pending.size === 0) this.deleteGroup(groupId);
  }

  /** Puts back groups read from disk; members get a fresh session timeout to reappear. */
  restore(snapshot: GroupSnapshot): void {
    const group = new Group(snapshot.groupId);
    group.generationId = snapshot.generationId;
    group.protocolType = snapshot.protocolType;
    group.protocolName = snapshot.protocolName;
    group.leaderId = snapshot.leaderId;
    for (const m of snapshot.members) group.members.set(m.memberId, { ...m });
    group.state = group.members.size > 0 ? "Stable" : "Empty";
    group.subscribedTopics = subscribedTopics(group);
    if (group.state === "Empty") group.emptySince = snapshot.emptySince ?? this.clock.now();
    this.groups.set(group.groupId, group);
    for (const m of group.members.values()) this.rebalance.scheduleHeartbeat(group, m);
  }

  snapshot(groupId: string): GroupSnapshot | null {
    const g = this.groups.get(groupId);
    return g ? snapshotOf(g) : null;
  }

  /** Cancels every timer and fails parked requests: the broker is going away. */
  close(): void {
    for (const group of this.groups.values()) {
      group.cancelJoinTimer?.();
      group.cancelSyncTimer?.();
      for (const cancel of group.pending.values()) cancel();
      for (const m of group.members.values()) {
        m.cancelHeartbeat?.();
        m.joinWaiter?.(joinError(ErrorCode.COORDINATOR_NOT_AVAILABLE, m.memberId));
        m.syncWaiter?.(syncError(ErrorCode.COORDINATOR_NOT_AVAILABLE, group));
        m.joinWaiter = m.syncWaiter = undefined;
      }
    }
  }
}
