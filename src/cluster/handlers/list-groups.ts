// ListGroups. Each broker lists the groups it coordinates;
// admin clients ask every broker and merge, as with Kafka. Without DESCRIBE
// on the cluster, only the groups the caller may DESCRIBE are listed.
import { ErrorCode } from "../protocol/errors";
import { allowed, onCluster, onGroup, Operation } from "./authorization";
import type { Handler } from "./handler";
import { listGroups as schema } from "../protocol/schemas/list-groups";

export const listGroups: Handler = {
  schema,
  handle(ctx) {
    const everything = allowed(ctx, onCluster(Operation.DESCRIBE));
    const groups = ctx.coordination.groups
      .listGroups()
      .filter((g) => ctx.coordination.coordinatorFor(g.groupId) === ctx.nodeId)
      .filter((g) => everything || allowed(ctx, onGroup(Operation.DESCRIBE, g.groupId)))
      .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType }));
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, groups };
  },
};
