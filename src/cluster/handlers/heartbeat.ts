// Heartbeat, versions 0-3. REBALANCE_IN_PROGRESS is how members learn they must rejoin.
import { ErrorCode } from "../protocol/errors";
import { coordinatorCheck } from "./coordinator-checks";
import type { Handler } from "./handler";
import { heartbeat as schema } from "../protocol/schemas/heartbeat";

export const heartbeat: Handler = {
  schema,
  handle(ctx, body: { groupId: string; generationId: number; memberId: string }) {
    const notHere = coordinatorCheck(ctx, body.groupId);
    const errorCode = notHere !== ErrorCode.NONE ? notHere : ctx.coordination.groups.heartbeat(body.groupId, body.generationId, body.memberId);
    return { throttleTimeMs: 0, errorCode };
  },
};
