// Whether a principal may perform an operation on a resource: Kafka's
// StandardAuthorizer (apache/kafka metadata/.../authorizer/StandardAuthorizerData.java),
// pure. Super users may do anything. Otherwise every ACL whose pattern
// applies to the resource counts (LITERAL with its name or "*", PREFIXED with
// a prefix of it): a matching DENY wins, then a matching ALLOW; when the
// resource has ACLs but none matches, the answer is DENY; only a resource
// with no ACLs at all gets allow.everyone.if.no.acl.found.
import { AclOperation as Op, AclPermissionType, PatternType, ResourceType, WILDCARD, type AclBinding } from "./model";

export type AuthorizerSettings = {
  /** super.users: principals ("User:alice") allowed everything. */
  superUsers: ReadonlySet<string>;
  /** allow.everyone.if.no.acl.found: the answer for a resource without any ACL. */
  allowIfNoAcl: boolean;
};

export type Action = { principal: string; host: string; operation: number; resourceType: number; resourceName: string };

/** AclEntry.WILDCARD_PRINCIPAL: an ACL for every principal. */
const WILDCARD_PRINCIPAL = "User:*";

// An ALLOW for any of these grants DESCRIBE too (and ALTER_CONFIGS grants DESCRIBE_CONFIGS);
// a DENY for them denies only themselves.
const IMPLIES_DESCRIBE: readonly number[] = [Op.DESCRIBE, Op.READ, Op.WRITE, Op.DELETE, Op.ALTER];
const IMPLIES_DESCRIBE_CONFIGS: readonly number[] = [Op.DESCRIBE_CONFIGS, Op.ALTER_CONFIGS];

function appliesTo(acl: AclBinding, resourceType: number, name: string): boolean {
  if (acl.resourceType !== resourceType) return false;
  if (acl.patternType === PatternType.PREFIXED) return name.startsWith(acl.resourceName);
  return acl.resourceName === name || acl.resourceName === WILDCARD;
}

function operationMatches(acl: AclBinding, operation: number): boolean {
  if (acl.operation === Op.ALL || acl.operation === operation) return true;
  if (acl.permissionType !== AclPermissionType.ALLOW) return false;
  if (operation === Op.DESCRIBE) return IMPLIES_DESCRIBE.includes(acl.operation);
  if (operation === Op.DESCRIBE_CONFIGS) return IMPLIES_DESCRIBE_CONFIGS.includes(acl.operation);
  return false;
}

/** StandardAuthorizerData.authorize: true for ALLOWED. */
export function authorize(acls: readonly AclBinding[], settings: AuthorizerSettings, action: Action): boolean {
  if (settings.superUsers.has(action.principal)) return true;
  const onResource = acls.filter((acl) => appliesTo(acl, action.resourceType, action.resourceName));
  if (onResource.length === 0) return settings.allowIfNoAcl;
  const matching = onResource.filter((acl) =>
    (acl.principal === action.principal || acl.principal === WILDCARD_PRINCIPAL)
    && (acl.host === WILDCARD || acl.host === action.host)
    && operationMatches(acl, action.operation));
  if (matching.some((acl) => acl.permissionType === AclPermissionType.DENY)) return false;
  return matching.some((acl) => acl.permissionType === AclPermissionType.ALLOW);
}

export type TypeAction = Omit<Action, "resourceName">;

/**
 * Authorizer.authorizeByResourceType (KIP-679), the default implementation
 * StandardAuthorizer keeps: whether the principal may do `operation` on some
 * resource of the type. Super users may; a resource name nobody names
 * ("hardcode", as Kafka asks) answers allow.everyone.if.no.acl.found; else an
 * ALLOW (LITERAL or PREFIXED) that no DENY dominates — a DENY on the same
 * literal, on "*", or on a prefix of it.
 */
export function authorizeByResourceType(acls: readonly AclBinding[], settings: AuthorizerSettings, action: TypeAction): boolean {
  if (authorize(acls, settings, { ...action, resourceName: "hardcode" })) return true;
  const mine = acls.filter((acl) =>
    acl.resourceType === action.resourceType
    && (acl.host === WILDCARD || acl.host === action.host)
    && (acl.principal === action.principal || acl.principal === WILDCARD_PRINCIPAL)
    && (acl.operation === action.operation || acl.operation === Op.ALL));
  const denied = mine.filter((acl) => acl.permissionType === AclPermissionType.DENY);
  if (denied.some((acl) => acl.patternType === PatternType.LITERAL && acl.resourceName === WILDCARD)) return false;
  const deniedLiteral = new Set(denied.filter((acl) => acl.patternType === PatternType.LITERAL).map((acl) => acl.resourceName));
  const deniedPrefixes = denied.filter((acl) => acl.patternType === PatternType.PREFIXED).map((acl) => acl.resourceName);
  return mine.some((acl) => acl.permissionType === AclPermissionType.ALLOW && (
    (acl.patternType === PatternType.LITERAL && acl.resourceName === WILDCARD)
    || ((acl.patternType !== PatternType.LITERAL || !deniedLiteral.has(acl.resourceName))
      && !deniedPrefixes.some((prefix) => acl.resourceName.startsWith(prefix)))));
}

/** AclEntry.supportedOperations: what authorized-operations bitfields cover, per resource type. */
const SUPPORTED: Record<number, readonly number[]> = {
  [ResourceType.TOPIC]: [Op.READ, Op.WRITE, Op.CREATE, Op.DESCRIBE, Op.DELETE, Op.ALTER, Op.DESCRIBE_CONFIGS, Op.ALTER_CONFIGS],
  [ResourceType.GROUP]: [Op.READ, Op.DESCRIBE, Op.DELETE, Op.DESCRIBE_CONFIGS, Op.ALTER_CONFIGS],
  [ResourceType.CLUSTER]: [Op.CREATE, Op.CLUSTER_ACTION, Op.DESCRIBE_CONFIGS, Op.ALTER_CONFIGS, Op.IDEMPOTENT_WRITE, Op.ALTER, Op.DESCRIBE],
  [ResourceType.TRANSACTIONAL_ID]: [Op.DESCRIBE, Op.WRITE],
};

/** AuthHelper.authorizedOperations: a 32-bit field with bit `code` set for each supported operation `allowed` grants. */
export function authorizedOperations(resourceType: number, allowed: (operation: number) => boolean): number {
  return (SUPPORTED[resourceType] ?? []).filter(allowed).reduce((bits, op) => bits | (1 << op), 0);
}
