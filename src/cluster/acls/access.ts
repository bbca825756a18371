// What one connection's principal may do: the authorizer (./authorizer.ts)
// over the cluster's ACLs and the broker configs super.users and
// allow.everyone.if.no.acl.found, as Kafka's broker consults its configured
// authorizer. ACLs are enforced only where clients authenticate (a SASL
// listener); elsewhere every request is allowed (Kafka without
// authorizer.class.name) while the ACLs are still stored and described.
import type { ClusterConfigs } from "../configs/store";
import { ErrorCode } from "../protocol/errors";
import { authorize, authorizeByResourceType, type AuthorizerSettings } from "./authorizer";
import { ResourceType } from "./model";
import type { AclStore } from "./store";

/**
 * One authorization question: may the caller do `operation` on the resource —
 * or, with a null name, on some resource of the type (KIP-679's
 * authorizeByResourceType)? `otherwise` is an alternative that also suffices
 * (InitProducerId: IDEMPOTENT_WRITE on the cluster, or WRITE on any topic);
 * a denial answers the error of the first resource type.
 */
export type Requirement = { operation: number; resourceType: number; resourceName: string | null; otherwise?: Requirement };

export type Access = {
  /** "User:alice" after SASL authentication, "User:ANONYMOUS" without it (Kafka's KafkaPrincipal.ANONYMOUS). */
  readonly principal: string;
  /** Whether ACLs decide (a SASL listener). */
  readonly enforced: boolean;
  allows(operation: number, resourceType: number, resourceName: string): boolean;
  /** Whether the caller may do `operation` on at least one resource of the type (Authorizer.authorizeByResourceType). */
  allowsOnSome(operation: number, resourceType: number): boolean;
};

/** Whether `access` meets the requirement, or its alternative. */
export function meets(access: Access, r: Requirement): boolean {
  const met = r.resourceName === null ? access.allowsOnSome(r.operation, r.resourceType) : access.allows(r.operation, r.resourceType, r.resourceName);
  return met || (r.otherwise !== undefined && meets(access, r.otherwise));
}

/** A connection's access: `principal` on `host` ("127.0.0.1"), judged by the ACLs in `acls` when `enforced`. */
export function connectionAccess(principal: string, host: string, enforced: boolean, acls: AclStore, configs: ClusterConfigs): Access {
  const settings = (): AuthorizerSettings => ({
    superUsers: new Set((configs.brokerValue("super.users") ?? "").split(";").map((s) => s.trim()).filter(Boolean)),
    allowIfNoAcl: configs.brokerFlag("allow.everyone.if.no.acl.found"),
  });
  return {
    principal,
    enforced,
    allows(operation, resourceType, resourceName) {
      return !enforced || authorize(acls.all(), settings(), { principal, host, operation, resourceType, resourceName });
    },
    allowsOnSome(operation, resourceType) {
      return !enforced || authorizeByResourceType(acls.all(), settings(), { principal, host, operation, resourceType });
    },
  };
}

/** Access for code that acts for nobody in particular (tests, in-process tools): everything is allowed. */
export const unrestricted: Access = { principal: "User:ANONYMOUS", enforced: false, allows: () => true, allowsOnSome: () => true };

/** AclEntry.authorizationError: the error a denial on this resource type answers. */
export function authorizationError(resourceType: number): number {
  if (resourceType === ResourceType.TOPIC) return ErrorCode.TOPIC_AUTHORIZATION_FAILED;
  if (resourceType === ResourceType.GROUP) return ErrorCode.GROUP_AUTHORIZATION_FAILED;
  if (resourceType === ResourceType.TRANSACTIONAL_ID) return ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
  return ErrorCode.CLUSTER_AUTHORIZATION_FAILED;
}
