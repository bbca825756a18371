// Heartbeat, versions 0-3. REBALANCE_IN_PROGRESS is how members learn they must rejoin.
import { Err } from "../groups/error-codes";
import { coordinatorError, type CoordinatorHandler } from "./coordinator-context";

export const heartbeat: CoordinatorHandler = {
  apiKey: 12,
  name: "Heartbeat",
  minVersion: 0,
  maxVersion: 3,
  handle(ctx, body: { groupId: string; generationId: number; memberId: string }) {
    const notHere = coordinatorError(ctx, body.groupId);
    const errorCode = notHere !== Err.NONE ? notHere : ctx.coordination.groups.heartbeat(body.groupId, body.generationId, body.memberId);
    return { throttleTimeMs: 0, errorCode };
  },
};
