// SyncGroup, versions 0-3. The leader's request carries every member's
// assignment; followers' requests wait until it arrives.
import { Err } from "../groups/error-codes";
import { coordinatorError, type CoordinatorHandler } from "./coordinator-context";

type SyncGroupBody = {
  groupId: string;
  generationId: number;
  memberId: string;
  assignments: { memberId: string; assignment: Buffer }[];
};

export const syncGroup: CoordinatorHandler = {
  apiKey: 14,
  name: "SyncGroup",
  minVersion: 0,
  maxVersion: 3,
  async handle(ctx, body: SyncGroupBody) {
    const notHere = coordinatorError(ctx, body.groupId);
    if (notHere !== Err.NONE) return { throttleTimeMs: 0, errorCode: notHere, assignment: Buffer.alloc(0) };
    const r = await ctx.coordination.groups.syncGroup({
      groupId: body.groupId,
      generationId: body.generationId,
      memberId: body.memberId,
      assignments: body.assignments.map((a) => ({ memberId: a.memberId, assignment: Buffer.from(a.assignment) })),
    });
    return { throttleTimeMs: 0, errorCode: r.errorCode, assignment: r.assignment };
  },
};
