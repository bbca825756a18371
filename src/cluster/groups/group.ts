/**
 * The data of one consumer group (the "classic" group protocol: JoinGroup /
 * SyncGroup) and the pure rules over it. The coordinator drives the state
 * machine; nothing here schedules timers or does I/O.
 */

/** Kafka's group states, spelled as DescribeGroups reports them. */
export type GroupState = "Empty" | "PreparingRebalance" | "CompletingRebalance" | "Stable" | "Dead";

export type Protocol = { name: string; metadata: Buffer };

/** What a JoinGroup answers; only the leader receives `members`. */
export type JoinResult = {
  errorCode: number;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leader: string;
  memberId: string;
  members: { memberId: string; groupInstanceId: string | null; metadata: Buffer }[];
};

export type SyncResult = {
  errorCode: number;
  protocolType: string | null;
  protocolName: string | null;
  assignment: Buffer;
};

export type Member = {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: Protocol[];
  assignment: Buffer;
  /** Set while the member's JoinGroup waits for the join phase to end. */
  joinWaiter?: (result: JoinResult) => void;
  /** Set while the member's SyncGroup waits for the leader's assignment. */
  syncWaiter?: (result: SyncResult) => void;
  cancelHeartbeat?: () => void;
};

/** What survives a restart: a group at a generation boundary. */
export type GroupSnapshot = {
  groupId: string;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leaderId: string | null;
  members: Omit<Member, "joinWaiter" | "syncWaiter" | "cancelHeartbeat">[];
  /** When the group last became Empty: its offsets expire offsets.retention.minutes later. */
  emptySince?: number;
};

export class Group {
  state: GroupState = "Empty";
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, Member>();
  /** Member ids handed out with MEMBER_ID_REQUIRED, not yet joined; value cancels their expiry. */
  readonly pending = new Map<string, () => void>();
  cancelJoinTimer?: () => void;
  cancelSyncTimer?: () => void;
  /** Members of this generation that have not sent SyncGroup yet (Kafka's pendingSyncMembers). */
  readonly pendingSync = new Set<string>();
  /** The join phase of a group that was Empty may not end before this (group.initial.rebalance.delay.ms). */
  initialDelayUntil = 0;
  /** When the group last became Empty (Kafka's currentStateTimestamp for an Empty group). */
  emptySince: number | undefined;
  /** The members' subscribed topics as of the current generation (./subscription.ts); undefined: unknown. */
  subscribedTopics: Set<string> | undefined;

  constructor(readonly groupId: string) {}

  /** Whether every known member has sent its JoinGroup for this rebalance, and no new member is half-way in. */
  allMembersJoined(): boolean {
    for (const m of this.members.values()) if (!m.joinWaiter) return false;
    return this.pending.size === 0;
  }

  /** The largest rebalance timeout of the members: how long the join phase may wait. */
  rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }
}

/**
 * Whether a member proposing `protocolType` and `protocols` may join: the
 * protocol type must match the group's and at least one protocol name must be
 * supported by every current member (Kafka's `supportsProtocols`).
 */
export function acceptsProtocols(group: Group, protocolType: string, protocols: Protocol[]): boolean {
  if (protocolType === "" || protocols.length === 0) return false;
  if (group.members.size === 0) return true;
  if (group.protocolType !== protocolType) return false;
  return candidateProtocols(group, protocols.map((p) => p.name)).length > 0;
}

function candidateProtocols(group: Group, extra?: string[]): string[] {
  let names: string[] | undefined = extra;
  for (const m of group.members.values()) {
    const own = m.protocols.map((p) => p.name);
    names = names === undefined ? own : names.filter((n) => own.includes(n));
  }
  return names ?? [];
}

/**
 * Picks the group's protocol as Kafka does: among the protocols every member
 * supports, each member votes for the first one in its own preference order;
 * most votes wins (ties: the first candidate in the leader's order).
 */
export function selectProtocol(group: Group): string {
  const candidates = candidateProtocols(group);
  if (candidates.length === 0) throw new Error(`group ${group.groupId} has no protocol common to all members`);
  const votes = new Map<string, number>(candidates.map((c) => [c, 0]));
  for (const m of group.members.values()) {
    const choice = m.protocols.find((p) => votes.has(p.name))!.name;
    votes.set(choice, votes.get(choice)! + 1);
  }
  let best = candidates[0];
  for (const c of candidates) if (votes.get(c)! > votes.get(best)!) best = c;
  return best;
}

/** The metadata a member sent for the group's chosen protocol (empty when none). */
export function metadataFor(member: Member, protocolName: string | null): Buffer {
  return member.protocols.find((p) => p.name === protocolName)?.metadata ?? Buffer.alloc(0);
}

/** Whether a rejoining member proposes exactly what it proposed before (same names, same bytes). */
export function sameProtocols(a: Protocol[], b: Protocol[]): boolean {
  return a.length === b.length && a.every((p, i) => p.name === b[i].name && p.metadata.equals(b[i].metadata));
}

/** DescribeGroups' view: metadata and assignments are shown only for a Stable group, as Kafka does. */
export function describe(group: Group) {
  const stable = group.state === "Stable";
  return {
    groupId: group.groupId,
    groupState: group.state as string,
    protocolType: group.protocolType ?? "",
    protocolData: stable ? group.protocolName ?? "" : "",
    members: [...group.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      memberMetadata: stable ? metadataFor(m, group.protocolName) : Buffer.alloc(0),
      memberAssignment: stable ? m.assignment : Buffer.alloc(0),
    })),
  };
}

/** The persistent part of a group (no timers, no parked requests). */
export function snapshotOf(g: Group): GroupSnapshot {
  const members = [...g.members.values()].map(({ joinWaiter, syncWaiter, cancelHeartbeat, ...rest }) => rest);
  return { groupId: g.groupId, generationId: g.generationId, protocolType: g.protocolType, protocolName: g.protocolName, leaderId: g.leaderId, members, emptySince: g.emptySince };
}
