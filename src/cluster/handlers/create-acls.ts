// CreateAcls (30): adds ACLs, each judged on its own (INVALID_REQUEST with
// Kafka's message for a binding AclApis or AclControlManager refuses); an
// ACL that exists already is kept once and reported created. Needs ALTER on
// the cluster. A 0 (UNKNOWN) code is not a request Kafka parses: the
// connection closes. (v0 carries no pattern type: its ACLs are LITERAL.)
import { newAclProblem, type AclBinding } from "../acls/model";
import { ErrorCode } from "../protocol/errors";
import { createAcls as schema } from "../protocol/schemas/create-acls";
import { mayAlterAcls, unparsable } from "./acl-requests";
import { CLOSE_CONNECTION, type Handler } from "./handler";

type Creation = { resourceType: number; resourceName: string; resourcePatternType: number; principal: string; host: string; operation: number; permissionType: number };

export const createAcls: Handler = {
  schema,
  requires: mayAlterAcls,
  handle(ctx, body: { creations: Creation[] }) {
    const bindings: AclBinding[] = body.creations.map(({ resourcePatternType, ...rest }) => ({ ...rest, patternType: resourcePatternType }));
    if (unparsable(bindings)) return CLOSE_CONNECTION;
    const problems = bindings.map(newAclProblem);
    ctx.state.acls.add(bindings.filter((_, i) => problems[i] === undefined));
    return {
      throttleTimeMs: 0,
      results: problems.map((problem) => ({ errorCode: problem ? ErrorCode.INVALID_REQUEST : ErrorCode.NONE, errorMessage: problem ?? null })),
    };
  },
};
