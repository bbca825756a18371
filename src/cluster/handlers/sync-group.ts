// SyncGroup. The leader's request carries every member's
// assignment; followers' requests wait until it arrives.
import { refuseUnlessCoordinator } from "./coordinator-checks";
import type { SyncRequest } from "../groups/membership";
import type { Handler } from "./handler";
import { syncGroup as schema } from "../protocol/schemas/sync-group";
import { groupRead } from "./authorization";

export const syncGroup: Handler = {
  schema,
  requires: groupRead,
  async handle(ctx, body: SyncRequest) {
    const refused = refuseUnlessCoordinator(ctx, schema, body.groupId, body);
    if (refused) return refused;
    // Copies: the assignments outlive the request frame they were decoded from.
    const r = await ctx.coordination.groups.syncGroup({ ...body, assignments: body.assignments.map((a) => ({ memberId: a.memberId, assignment: Buffer.from(a.assignment) })) });
    return { throttleTimeMs: 0, errorCode: r.errorCode, assignment: r.assignment };
  },
};
