// DescribeGroups. Members' metadata and assignments are filled
// in only for a Stable group, as Kafka does; an unknown group reads as "Dead".
import { ErrorCode } from "../protocol/errors";
import { coordinatorCheck } from "./coordinator-checks";
import type { Handler } from "./handler";
import { describeGroups as schema } from "../protocol/schemas/describe-groups";

export const describeGroups: Handler = {
  schema,
  handle(ctx, body: { groups: string[] }) {
    return {
      throttleTimeMs: 0,
      groups: body.groups.map((groupId) => {
        const errorCode = coordinatorCheck(ctx, groupId);
        if (errorCode !== ErrorCode.NONE) return { errorCode, groupId, groupState: "", protocolType: "", protocolData: "", members: [] };
        return { errorCode, ...ctx.coordination.groups.describeGroup(groupId) };
      }),
    };
  },
};
