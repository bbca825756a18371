// What one connection's principal may do: the authorizer (./authorizer.ts)
// over the cluster's ACLs and the broker configs super.users and
// allow.everyone.if.no.acl.found, as Kafka's broker consults its configured
// authorizer. ACLs are enforced only where clients authenticate (a SASL
// listener); elsewhere every request is allowed (Kafka without
// authorizer.class.name) while the ACLs are still stored and described.
import type { ClusterConfigs } from "../configs/store";
import { ErrorCode } from "../protocol/errors";
import { authorize } from "./authorizer";
import { ResourceType } from "./model";
import type { AclStore } from "./store";

/** One authorization question: may the caller do `operation` on the resource? */
export type Requirement = { operation: number; resourceType: number; resourceName: string };

export type Access = {
  /** "User:alice" after SASL authentication, "User:ANONYMOUS" without it (Kafka's KafkaPrincipal.ANONYMOUS). */
  readonly principal: string;
  /** Whether ACLs decide (a SASL listener). */
  readonly enforced: boolean;
  allows(operation: number, resourceType: number, resourceName: string): boolean;
};

/** A connection's access: `principal` on `host` ("127.0.0.1"), judged by the ACLs in `acls` when `enforced`. */
export function connectionAccess(principal: string, host: string, enforced: boolean, acls: AclStore, configs: ClusterConfigs): Access {
  return {
    principal,
    enforced,
    allows(operation, resourceType, resourceName) {
      if (!enforced) return true;
      const superUsers = new Set((configs.brokerValue("super.users") ?? "").split(";").map((s) => s.trim()).filter(Boolean));
      const allowIfNoAcl = configs.brokerFlag("allow.everyone.if.no.acl.found");
      return authorize(acls.all(), { superUsers, allowIfNoAcl }, { principal, host, operation, resourceType, resourceName });
    },
  };
}

/** Access for code that acts for nobody in particular (tests, in-process tools): everything is allowed. */
export const unrestricted: Access = { principal: "User:ANONYMOUS", enforced: false, allows: () => true };

/** AclEntry.authorizationError: the error a denial on this resource type answers. */
export function authorizationError(resourceType: number): number {
  if (resourceType === ResourceType.TOPIC) return ErrorCode.TOPIC_AUTHORIZATION_FAILED;
  if (resourceType === ResourceType.GROUP) return ErrorCode.GROUP_AUTHORIZATION_FAILED;
  if (resourceType === ResourceType.TRANSACTIONAL_ID) return ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
  return ErrorCode.CLUSTER_AUTHORIZATION_FAILED;
}
