// DeleteAcls (31): removes every ACL matching any of the filters and lists,
// per filter, the ACLs it matched. A filter with an unrecognised code is
// INVALID_REQUEST (AclControlManager.validateFilter) and deletes nothing.
// Needs ALTER on the cluster. A 0 (UNKNOWN) field is not a request Kafka
// parses: the connection closes.
import { filterProblem } from "../acls/model";
import { ErrorCode } from "../protocol/errors";
import { deleteAcls as schema } from "../protocol/schemas/delete-acls";
import { aclFields, mayAlterAcls, toFilter, unparsable, type FilterFields } from "./acl-requests";
import { CLOSE_CONNECTION, type Handler } from "./handler";

export const deleteAcls: Handler = {
  schema,
  requires: mayAlterAcls,
  handle(ctx, body: { filters: FilterFields[] }) {
    const filters = body.filters.map(toFilter);
    if (unparsable(filters)) return CLOSE_CONNECTION;
    const problems = filters.map(filterProblem);
    const deleted = ctx.state.acls.remove(filters.filter((_, i) => problems[i] === undefined));
    let next = 0;
    const filterResults = problems.map((problem) => {
      if (problem) return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: problem, matchingAcls: [] };
      const matchingAcls = deleted[next++].map((acl) => ({ errorCode: ErrorCode.NONE, errorMessage: null, ...aclFields(acl) }));
      return { errorCode: ErrorCode.NONE, errorMessage: null, matchingAcls };
    });
    return { throttleTimeMs: 0, filterResults };
  },
};
