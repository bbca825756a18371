// DescribeGroups. Members' metadata and assignments are filled
// in only for a Stable group, as Kafka does; an unknown group reads as "Dead".
// A group the caller may not DESCRIBE is GROUP_AUTHORIZATION_FAILED.
import { ErrorCode } from "../protocol/errors";
import { coordinatorCheck } from "./coordinator-checks";
import { onGroup, Operation, allowed } from "./authorization";
import type { Handler } from "./handler";
import { describeGroups as schema } from "../protocol/schemas/describe-groups";

export const describeGroups: Handler = {
  schema,
  handle(ctx, body: { groups: string[] }) {
    return {
      throttleTimeMs: 0,
      groups: body.groups.map((groupId) => {
        const errorCode = allowed(ctx, onGroup(Operation.DESCRIBE, groupId)) ? coordinatorCheck(ctx, groupId) : ErrorCode.GROUP_AUTHORIZATION_FAILED;
        if (errorCode !== ErrorCode.NONE) return { errorCode, groupId, groupState: "", protocolType: "", protocolData: "", members: [] };
        return { errorCode, ...ctx.coordination.groups.describeGroup(groupId) };
      }),
    };
  },
};
