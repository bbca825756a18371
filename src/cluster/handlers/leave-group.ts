// LeaveGroup. v0-2 name one member; v3 (KIP-345) a list, answered per member.
import { ErrorCode } from "../protocol/errors";
import { membershipHandler } from "./coordinator-checks";
import { leaveGroup as schema } from "../protocol/schemas/leave-group";

type LeaveGroupBody = {
  groupId: string;
  memberId?: string;
  members?: { memberId: string; groupInstanceId: string | null }[];
};

export const leaveGroup = membershipHandler(schema, (ctx, body: LeaveGroupBody) => {
  const members = ctx.header.apiVersion >= 3 ? body.members ?? [] : [{ memberId: body.memberId ?? "", groupInstanceId: null }];
  const r = ctx.coordination.groups.leaveGroup(body.groupId, members.map((m) => m.memberId));
  return {
    throttleTimeMs: 0,
    errorCode: ctx.header.apiVersion >= 3 ? ErrorCode.NONE : r.errorCode,
    members: members.map((m, i) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, errorCode: r.memberErrors[i] })),
  };
});
