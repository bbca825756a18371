// SyncGroup. The leader's request carries every member's
// assignment; followers' requests wait until it arrives.
import { membershipHandler } from "./coordinator-checks";
import type { SyncRequest } from "../groups/membership";
import { syncGroup as schema } from "../protocol/schemas/sync-group";

export const syncGroup = membershipHandler(schema, async (ctx, body: SyncRequest) => {
  // Copies: the assignments outlive the request frame they were decoded from.
  const r = await ctx.coordination.groups.syncGroup({ ...body, assignments: body.assignments.map((a) => ({ memberId: a.memberId, assignment: Buffer.from(a.assignment) })) });
  return { throttleTimeMs: 0, errorCode: r.errorCode, assignment: r.assignment };
});
