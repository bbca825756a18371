// What the three ACL APIs share: their request fields as the ACL model's
// bindings and filters, Kafka's request-parser rule that a field of value 0
// (UNKNOWN) is no request at all (the connection closes), and the cluster
// permission each needs (AclApis: DESCRIBE to list, ALTER to change).
import { AclOperation, hasUnknownCode, type AclBinding, type AclBindingFilter } from "../acls/model";
import { onCluster } from "./authorization";

/** A DescribeAcls request, or one filter of a DeleteAcls request, as decoded. */
export type FilterFields = {
  resourceTypeFilter: number;
  resourceNameFilter: string | null;
  patternTypeFilter: number;
  principalFilter: string | null;
  hostFilter: string | null;
  operation: number;
  permissionType: number;
};

export function toFilter(f: FilterFields): AclBindingFilter {
  return {
    resourceType: f.resourceTypeFilter, resourceName: f.resourceNameFilter, patternType: f.patternTypeFilter,
    principal: f.principalFilter, host: f.hostFilter, operation: f.operation, permissionType: f.permissionType,
  };
}

/** Whether Kafka's parser refuses these fields (DescribeAclsRequest, DeleteAclsRequest: "contains UNKNOWN elements"). */
export function unparsable(filters: AclBindingFilter[] | AclBinding[]): boolean {
  return filters.some(hasUnknownCode);
}

/** A binding as DescribeAcls and DeleteAcls list it. */
export function aclFields(acl: AclBinding) {
  return {
    resourceType: acl.resourceType, resourceName: acl.resourceName, patternType: acl.patternType,
    principal: acl.principal, host: acl.host, operation: acl.operation, permissionType: acl.permissionType,
  };
}

export const mayDescribeAcls = () => [onCluster(AclOperation.DESCRIBE)];
export const mayAlterAcls = () => [onCluster(AclOperation.ALTER)];
