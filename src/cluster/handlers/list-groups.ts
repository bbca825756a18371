// ListGroups. Each broker lists the groups it coordinates;
// admin clients ask every broker and merge, as with Kafka.
import { ErrorCode } from "../protocol/errors";
import type { Handler } from "./handler";
import { listGroups as schema } from "../protocol/schemas/list-groups";

export const listGroups: Handler = {
  schema,
  handle(ctx) {
    const groups = ctx.coordination.groups
      .listGroups()
      .filter((g) => ctx.coordination.coordinatorFor(g.groupId) === ctx.nodeId)
      .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType }));
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, groups };
  },
};
