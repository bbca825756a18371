// DescribeGroups, versions 0-2. Members' metadata and assignments are filled
// in only for a Stable group, as Kafka does; an unknown group reads as "Dead".
import { Err } from "../groups/error-codes";
import { coordinatorError, type CoordinatorHandler } from "./coordinator-context";

export const describeGroups: CoordinatorHandler = {
  apiKey: 15,
  name: "DescribeGroups",
  minVersion: 0,
  maxVersion: 2,
  handle(ctx, body: { groups: string[] }) {
    return {
      throttleTimeMs: 0,
      groups: body.groups.map((groupId) => {
        const errorCode = coordinatorError(ctx, groupId);
        if (errorCode !== Err.NONE) return { errorCode, groupId, groupState: "", protocolType: "", protocolData: "", members: [] };
        return { errorCode, ...ctx.coordination.groups.describeGroup(groupId) };
      }),
    };
  },
};
