// Kafka's ACL model, as the Java client defines it (apache/kafka
// clients/src/main/java/org/apache/kafka/common/acl/ and .../resource/):
// a binding is a resource pattern (type, name, LITERAL or PREFIXED) plus an
// access control entry (principal, host, operation, ALLOW or DENY). Filters
// use the same fields with wildcards: ANY for a code, null for a string, and
// the pattern type MATCH, which finds every pattern that applies to one name.
// Pure data and rules; the store (./store.ts) and the authorizer
// (./authorizer.ts) build on it.

/** ResourceType.java */
export const ResourceType = { UNKNOWN: 0, ANY: 1, TOPIC: 2, GROUP: 3, CLUSTER: 4, TRANSACTIONAL_ID: 5, DELEGATION_TOKEN: 6, USER: 7 } as const;
/** PatternType.java */
export const PatternType = { UNKNOWN: 0, ANY: 1, MATCH: 2, LITERAL: 3, PREFIXED: 4 } as const;
/** AclOperation.java */
export const AclOperation = {
  UNKNOWN: 0, ANY: 1, ALL: 2, READ: 3, WRITE: 4, CREATE: 5, DELETE: 6, ALTER: 7, DESCRIBE: 8,
  CLUSTER_ACTION: 9, DESCRIBE_CONFIGS: 10, ALTER_CONFIGS: 11, IDEMPOTENT_WRITE: 12, CREATE_TOKENS: 13, DESCRIBE_TOKENS: 14,
} as const;
/** AclPermissionType.java */
export const AclPermissionType = { UNKNOWN: 0, ANY: 1, DENY: 2, ALLOW: 3 } as const;

/** ResourcePattern.WILDCARD_RESOURCE: a LITERAL pattern with this name matches every resource of its type. */
export const WILDCARD = "*";
/** The one name of the CLUSTER resource (Kafka's CLUSTER_NAME). */
export const CLUSTER_NAME = "kafka-cluster";

export type AclBinding = {
  resourceType: number;
  resourceName: string;
  patternType: number;
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
};

/** A binding with nullable strings and ANY/MATCH codes, as DescribeAcls and DeleteAcls send it. */
export type AclBindingFilter = {
  resourceType: number;
  resourceName: string | null;
  patternType: number;
  principal: string | null;
  host: string | null;
  operation: number;
  permissionType: number;
};

const known = (codes: Record<string, number>, code: number) => code !== 0 && Object.values(codes).includes(code);

/** Kafka's ResourcePatternFilter.matches. */
function patternMatches(filter: AclBindingFilter, acl: AclBinding): boolean {
  if (filter.resourceType !== ResourceType.ANY && filter.resourceType !== acl.resourceType) return false;
  const pt = filter.patternType;
  if (pt !== PatternType.ANY && pt !== PatternType.MATCH && pt !== acl.patternType) return false;
  if (filter.resourceName === null) return true;
  if (pt === PatternType.ANY || pt === acl.patternType) return filter.resourceName === acl.resourceName;
  // MATCH: every pattern that applies to this one name.
  if (acl.patternType === PatternType.LITERAL) return filter.resourceName === acl.resourceName || acl.resourceName === WILDCARD;
  return filter.resourceName.startsWith(acl.resourceName);
}

/** Kafka's AclBindingFilter.matches: the pattern filter and the entry filter (AccessControlEntryFilter.matches) both match. */
export function filterMatches(filter: AclBindingFilter, acl: AclBinding): boolean {
  if (!known(ResourceType, filter.resourceType) || !known(PatternType, filter.patternType)) return false;
  if (!known(AclOperation, filter.operation) || !known(AclPermissionType, filter.permissionType)) return false;
  if (!patternMatches(filter, acl)) return false;
  if (filter.principal !== null && filter.principal !== acl.principal) return false;
  if (filter.host !== null && filter.host !== acl.host) return false;
  if (filter.operation !== AclOperation.ANY && filter.operation !== acl.operation) return false;
  return filter.permissionType === AclPermissionType.ANY || filter.permissionType === acl.permissionType;
}

/** Whether a request carries a field of value 0 (UNKNOWN), which Kafka's request parsers refuse outright. */
export function hasUnknownCode(acl: { resourceType: number; patternType: number; operation: number; permissionType: number }): boolean {
  return acl.resourceType === 0 || acl.patternType === 0 || acl.operation === 0 || acl.permissionType === 0;
}

const nameOf = (codes: Record<string, number>, code: number) => Object.entries(codes).find(([, c]) => c === code)?.[0] ?? "UNKNOWN";

/**
 * Why Kafka refuses to create this binding (INVALID_REQUEST), or undefined:
 * the broker's checks (AclApis: the CLUSTER resource's only name, no empty
 * name) then the controller's (AclControlManager.validateNewAcl).
 */
export function newAclProblem(acl: AclBinding): string | undefined {
  if (acl.resourceType === ResourceType.CLUSTER && acl.resourceName !== CLUSTER_NAME) return `The only valid name for the CLUSTER resource is ${CLUSTER_NAME}`;
  if (acl.resourceName === "") return "Invalid empty resource name";
  if (!known(ResourceType, acl.resourceType) || acl.resourceType === ResourceType.ANY) return `Invalid resourceType ${nameOf(ResourceType, acl.resourceType)}`;
  if (acl.patternType !== PatternType.LITERAL && acl.patternType !== PatternType.PREFIXED) return `Invalid patternType ${nameOf(PatternType, acl.patternType)}`;
  if (!known(AclOperation, acl.operation) || acl.operation === AclOperation.ANY) return `Invalid operation ${nameOf(AclOperation, acl.operation)}`;
  if (acl.permissionType !== AclPermissionType.ALLOW && acl.permissionType !== AclPermissionType.DENY) return `Invalid permissionType ${nameOf(AclPermissionType, acl.permissionType)}`;
  return undefined;
}

/** Why DeleteAcls refuses this filter (AclControlManager.validateFilter: INVALID_REQUEST), or undefined. */
export function filterProblem(filter: AclBindingFilter): string | undefined {
  if (!known(ResourceType, filter.resourceType) || !known(PatternType, filter.patternType)) return "Unknown patternFilter.";
  if (!known(AclOperation, filter.operation) || !known(AclPermissionType, filter.permissionType)) return "Unknown entryFilter.";
  return undefined;
}

/** Two bindings are the same ACL when every field is equal (Kafka keeps one). */
export function sameAcl(a: AclBinding, b: AclBinding): boolean {
  return a.resourceType === b.resourceType && a.resourceName === b.resourceName && a.patternType === b.patternType
    && a.principal === b.principal && a.host === b.host && a.operation === b.operation && a.permissionType === b.permissionType;
}
