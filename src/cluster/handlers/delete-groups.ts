// DeleteGroups, versions 0-1 (v2 is only flexible). Only an Empty group can
// be deleted (NON_EMPTY_GROUP otherwise); its committed offsets go with it.
import { Err } from "../groups/error-codes";
import { coordinatorError, type CoordinatorHandler } from "./coordinator-context";

export const deleteGroups: CoordinatorHandler = {
  apiKey: 42,
  name: "DeleteGroups",
  minVersion: 0,
  maxVersion: 1,
  handle(ctx, body: { groupsNames: string[] }) {
    const results = body.groupsNames.map((groupId) => {
      let errorCode = coordinatorError(ctx, groupId);
      if (errorCode === Err.NONE) errorCode = ctx.coordination.groups.deleteGroup(groupId);
      if (errorCode === Err.NONE) ctx.coordination.offsets.deleteGroup(groupId);
      return { groupId, errorCode };
    });
    return { throttleTimeMs: 0, results };
  },
};
