// DeleteGroups. Only an Empty group can
// be deleted (NON_EMPTY_GROUP otherwise); its committed offsets go with it.
// A group the caller may not DELETE is GROUP_AUTHORIZATION_FAILED.
import { ErrorCode } from "../protocol/errors";
import { coordinatorCheck } from "./coordinator-checks";
import { allowed, onGroup, Operation } from "./authorization";
import type { Handler } from "./handler";
import { deleteGroups as schema } from "../protocol/schemas/delete-groups";

export const deleteGroups: Handler = {
  schema,
  handle(ctx, body: { groupsNames: string[] }) {
    const results = body.groupsNames.map((groupId) => {
      let errorCode = allowed(ctx, onGroup(Operation.DELETE, groupId)) ? coordinatorCheck(ctx, groupId) : ErrorCode.GROUP_AUTHORIZATION_FAILED;
      if (errorCode === ErrorCode.NONE) errorCode = ctx.coordination.groups.deleteGroup(groupId);
      if (errorCode === ErrorCode.NONE) ctx.coordination.offsets.deleteGroup(groupId);
      return { groupId, errorCode };
    });
    return { throttleTimeMs: 0, results };
  },
};
