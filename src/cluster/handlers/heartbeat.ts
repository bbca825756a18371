// Heartbeat. REBALANCE_IN_PROGRESS is how members learn they must rejoin.
import { refuseUnlessCoordinator } from "./coordinator-checks";
import type { Handler } from "./handler";
import { heartbeat as schema } from "../protocol/schemas/heartbeat";
import { groupRead } from "./authorization";

export const heartbeat: Handler = {
  schema,
  requires: groupRead,
  handle(ctx, body: { groupId: string; generationId: number; memberId: string }) {
    return refuseUnlessCoordinator(ctx, schema, body.groupId, body)
      ?? { throttleTimeMs: 0, errorCode: ctx.coordination.groups.heartbeat(body.groupId, body.generationId, body.memberId) };
  },
};
