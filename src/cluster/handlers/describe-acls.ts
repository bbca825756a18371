// DescribeAcls (29): the ACLs matching one filter, grouped by resource
// pattern. Needs DESCRIBE on the cluster. A filter with an unrecognised code
// matches nothing, as in Kafka; one with a 0 (UNKNOWN) field is not a
// request Kafka can parse, so the connection closes.
import { ErrorCode } from "../protocol/errors";
import { describeAcls as schema } from "../protocol/schemas/describe-acls";
import { aclFields, mayDescribeAcls, toFilter, unparsable, type FilterFields } from "./acl-requests";
import { CLOSE_CONNECTION, type Handler } from "./handler";

type Resource = { resourceType: number; resourceName: string; patternType: number; acls: { principal: string; host: string; operation: number; permissionType: number }[] };

export const describeAcls: Handler = {
  schema,
  requires: mayDescribeAcls,
  handle(ctx, body: FilterFields) {
    const filter = toFilter(body);
    if (unparsable([filter])) return CLOSE_CONNECTION;
    const resources = new Map<string, Resource>();
    for (const acl of ctx.state.acls.matching(filter)) {
      const { resourceType, resourceName, patternType, principal, host, operation, permissionType } = aclFields(acl);
      const key = JSON.stringify([resourceType, resourceName, patternType]);
      if (!resources.has(key)) resources.set(key, { resourceType, resourceName, patternType, acls: [] });
      resources.get(key)!.acls.push({ principal, host, operation, permissionType });
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, resources: [...resources.values()] };
  },
};
