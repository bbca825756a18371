// ListGroups, versions 0-2. Each broker lists the groups it coordinates;
// admin clients ask every broker and merge, as with Kafka.
import { Err } from "../groups/error-codes";
import type { CoordinatorHandler } from "./coordinator-context";

export const listGroups: CoordinatorHandler = {
  apiKey: 16,
  name: "ListGroups",
  minVersion: 0,
  maxVersion: 2,
  handle(ctx) {
    const groups = ctx.coordination.groups
      .listGroups()
      .filter((g) => ctx.coordination.coordinatorFor(g.groupId) === ctx.nodeId)
      .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType }));
    return { throttleTimeMs: 0, errorCode: Err.NONE, groups };
  },
};
