// LeaveGroup, versions 0-3. v0-2 name one member; v3 (KIP-345) a list, answered per member.
import { Err } from "../groups/error-codes";
import { coordinatorError, type CoordinatorHandler } from "./coordinator-context";

type LeaveGroupBody = {
  groupId: string;
  memberId?: string;
  members?: { memberId: string; groupInstanceId: string | null }[];
};

export const leaveGroup: CoordinatorHandler = {
  apiKey: 13,
  name: "LeaveGroup",
  minVersion: 0,
  maxVersion: 3,
  handle(ctx, body: LeaveGroupBody) {
    const members = ctx.apiVersion >= 3 ? body.members ?? [] : [{ memberId: body.memberId ?? "", groupInstanceId: null }];
    const notHere = coordinatorError(ctx, body.groupId);
    if (notHere !== Err.NONE) return { throttleTimeMs: 0, errorCode: notHere, members: [] };
    const r = ctx.coordination.groups.leaveGroup(body.groupId, members.map((m) => m.memberId));
    return {
      throttleTimeMs: 0,
      errorCode: ctx.apiVersion >= 3 ? Err.NONE : r.errorCode,
      members: members.map((m, i) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, errorCode: r.memberErrors[i] })),
    };
  },
};
