// Heartbeat. REBALANCE_IN_PROGRESS is how members learn they must rejoin.
import { membershipHandler } from "./coordinator-checks";
import { heartbeat as schema } from "../protocol/schemas/heartbeat";

export const heartbeat = membershipHandler(schema, (ctx, body: { groupId: string; generationId: number; memberId: string }) => ({
  throttleTimeMs: 0,
  errorCode: ctx.coordination.groups.heartbeat(body.groupId, body.generationId, body.memberId),
}));
