// The cluster's ACLs: what CreateAcls adds, DeleteAcls removes and
// DescribeAcls lists, in creation order. Kafka keeps one copy of an ACL
// created twice (AclControlManager). `onChange` persists them (with
// --data-dir they live in topics.json beside the topics).
import { filterMatches, sameAcl, type AclBinding, type AclBindingFilter } from "./model";

export class AclStore {
  private acls: AclBinding[] = [];

  constructor(private readonly onChange: () => void = () => {}) {}

  all(): readonly AclBinding[] {
    return this.acls;
  }

  /** Replaces everything (loading stored ACLs); does not call onChange. */
  restore(acls: readonly AclBinding[]): void {
    this.acls = acls.map((a) => ({ ...a }));
  }

  /** Adds already validated bindings; an ACL that exists already is kept once. */
  add(bindings: readonly AclBinding[]): void {
    const fresh = bindings.filter((b, i) => !this.acls.some((a) => sameAcl(a, b)) && bindings.findIndex((o) => sameAcl(o, b)) === i);
    if (fresh.length === 0) return;
    this.acls.push(...fresh.map((b) => ({ ...b })));
    this.onChange();
  }

  matching(filter: AclBindingFilter): AclBinding[] {
    return this.acls.filter((a) => filterMatches(filter, a));
  }

  /** Removes every ACL that matches any of the (already validated) filters; returns, per filter, the ACLs it matched. */
  remove(filters: readonly AclBindingFilter[]): AclBinding[][] {
    const matched = filters.map((f) => this.matching(f));
    const gone = new Set(matched.flat());
    if (gone.size === 0) return matched;
    this.acls = this.acls.filter((a) => !gone.has(a));
    this.onChange();
    return matched;
  }
}
