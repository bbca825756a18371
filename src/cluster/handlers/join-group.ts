// JoinGroup. v0 has no rebalance timeout (Kafka uses the session
// timeout); v4+ answers a first join MEMBER_ID_REQUIRED with the member id to
// rejoin with; v5's group instance id (static membership) is accepted but a
// static member is treated like a dynamic one.
import { membershipHandler } from "./coordinator-checks";
import { joinGroup as schema } from "../protocol/schemas/join-group";

type JoinGroupBody = {
  groupId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs?: number;
  memberId: string;
  groupInstanceId?: string | null;
  protocolType: string;
  protocols: { name: string; metadata: Buffer }[];
};

export const joinGroup = membershipHandler(schema, async (ctx, body: JoinGroupBody) => {
  const r = await ctx.coordination.groups.joinGroup({
    groupId: body.groupId,
    memberId: body.memberId,
    groupInstanceId: body.groupInstanceId ?? null,
    clientId: ctx.header.clientId ?? "",
    clientHost: ctx.clientHost,
    sessionTimeoutMs: body.sessionTimeoutMs,
    rebalanceTimeoutMs: ctx.header.apiVersion >= 1 && body.rebalanceTimeoutMs !== undefined ? body.rebalanceTimeoutMs : body.sessionTimeoutMs,
    protocolType: body.protocolType,
    protocols: body.protocols.map((p) => ({ name: p.name, metadata: Buffer.from(p.metadata) })),
    requireKnownMemberId: ctx.header.apiVersion >= 4,
  });
  return {
    throttleTimeMs: 0,
    errorCode: r.errorCode,
    generationId: r.generationId,
    protocolName: r.protocolName ?? "",
    leader: r.leader,
    memberId: r.memberId,
    members: r.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadata })),
  };
});
