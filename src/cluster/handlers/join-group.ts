// JoinGroup, versions 0-5. v0 has no rebalance timeout (Kafka uses the session
// timeout); v4+ answers a first join MEMBER_ID_REQUIRED with the member id to
// rejoin with; v5's group instance id (static membership) is accepted but a
// static member is treated like a dynamic one.
import { Err } from "../groups/error-codes";
import { coordinatorError, type CoordinatorHandler } from "./coordinator-context";

type JoinGroupBody = {
  groupId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs?: number;
  memberId: string;
  groupInstanceId?: string | null;
  protocolType: string;
  protocols: { name: string; metadata: Buffer }[];
};

export const joinGroup: CoordinatorHandler = {
  apiKey: 11,
  name: "JoinGroup",
  minVersion: 0,
  maxVersion: 5,
  async handle(ctx, body: JoinGroupBody) {
    const notHere = coordinatorError(ctx, body.groupId);
    const r = notHere !== Err.NONE
      ? { errorCode: notHere, generationId: -1, protocolName: null, leader: "", memberId: body.memberId, members: [] }
      : await ctx.coordination.groups.joinGroup({
          groupId: body.groupId,
          memberId: body.memberId,
          groupInstanceId: body.groupInstanceId ?? null,
          clientId: ctx.clientId ?? "",
          clientHost: ctx.clientHost,
          sessionTimeoutMs: body.sessionTimeoutMs,
          rebalanceTimeoutMs: ctx.apiVersion >= 1 && body.rebalanceTimeoutMs !== undefined ? body.rebalanceTimeoutMs : body.sessionTimeoutMs,
          protocolType: body.protocolType,
          protocols: body.protocols.map((p) => ({ name: p.name, metadata: Buffer.from(p.metadata) })),
          requireKnownMemberId: ctx.apiVersion >= 4,
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
  },
};
