// SyncGroup, versions 0-3. The leader's request carries every member's
// assignment; followers' requests wait until it arrives.
import { ErrorCode } from "../protocol/errors";
import { coordinatorCheck } from "./coordinator-checks";
import type { Handler } from "./handler";
import { syncGroup as schema } from "../protocol/schemas/sync-group";

type SyncGroupBody = {
  groupId: string;
  generationId: number;
  memberId: string;
  assignments: { memberId: string; assignment: Buffer }[];
};

export const syncGroup: Handler = {
  schema,
  async handle(ctx, body: SyncGroupBody) {
    const notHere = coordinatorCheck(ctx, body.groupId);
    if (notHere !== ErrorCode.NONE) return { throttleTimeMs: 0, errorCode: notHere, assignment: Buffer.alloc(0) };
    const r = await ctx.coordination.groups.syncGroup({
      groupId: body.groupId,
      generationId: body.generationId,
      memberId: body.memberId,
      assignments: body.assignments.map((a) => ({ memberId: a.memberId, assignment: Buffer.from(a.assignment) })),
    });
    return { throttleTimeMs: 0, errorCode: r.errorCode, assignment: r.assignment };
  },
};
