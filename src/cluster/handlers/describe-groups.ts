// DescribeGroups, v0-5. Members' metadata and assignments are filled in
// only for a Stable group, as Kafka does; an unknown group reads as "Dead".
// As KafkaApis.handleDescribeGroupsRequest: a group the caller may not
// DESCRIBE is GROUP_AUTHORIZATION_FAILED, answered first, before the
// groups described; from v3, `includeAuthorizedOperations` adds the
// caller's operations on each group described without error
// (AuthHelper.authorizedOperations), else the schema's -2147483648.
import { ErrorCode } from "../protocol/errors";
import { ResourceType } from "../acls/model";
import { coordinatorCheck } from "./coordinator-checks";
import { onGroup, Operation, allowed, operationsOn } from "./authorization";
import type { Handler, RequestContext } from "./handler";
import { describeGroups as schema } from "../protocol/schemas/describe-groups";

const failed = (groupId: string, errorCode: number) => ({ errorCode, groupId, groupState: "", protocolType: "", protocolData: "", members: [] });

function described(ctx: RequestContext, groupId: string, withOperations: boolean) {
  const errorCode = coordinatorCheck(ctx, groupId);
  if (errorCode !== ErrorCode.NONE) return failed(groupId, errorCode);
  const group = { errorCode, ...ctx.coordination.groups.describeGroup(groupId) };
  return withOperations ? { ...group, authorizedOperations: operationsOn(ctx, ResourceType.GROUP, groupId) } : group;
}

export const describeGroups: Handler = {
  schema,
  handle(ctx, body: { groups: string[]; includeAuthorizedOperations?: boolean }) {
    const mayDescribe = (groupId: string) => allowed(ctx, onGroup(Operation.DESCRIBE, groupId));
    const withOperations = ctx.header.apiVersion >= 3 && body.includeAuthorizedOperations === true;
    return {
      throttleTimeMs: 0,
      groups: [
        ...body.groups.filter((g) => !mayDescribe(g)).map((g) => failed(g, ErrorCode.GROUP_AUTHORIZATION_FAILED)),
        ...body.groups.filter(mayDescribe).map((g) => described(ctx, g, withOperations)),
      ],
    };
  },
};
