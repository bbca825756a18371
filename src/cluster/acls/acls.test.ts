// The ACL model, store and authorizer against the rules of Kafka's
// ResourcePatternFilter/AccessControlEntryFilter.matches, AclControlManager
// and StandardAuthorizerData (apache/kafka, cited in each module).
import { describe, expect, it } from "vitest";
import { authorize, authorizeByResourceType, authorizedOperations, type Action } from "./authorizer";
import { AclOperation as Op, AclPermissionType as Perm, filterMatches, filterProblem, newAclProblem, PatternType as PT, ResourceType as RT, type AclBinding, type AclBindingFilter } from "./model";
import { AclStore } from "./store";

const acl = (over: Partial<AclBinding> = {}): AclBinding => ({
  resourceType: RT.TOPIC, resourceName: "orders", patternType: PT.LITERAL, principal: "User:alice", host: "*", operation: Op.WRITE, permissionType: Perm.ALLOW, ...over,
});
const any: AclBindingFilter = { resourceType: RT.ANY, resourceName: null, patternType: PT.ANY, principal: null, host: null, operation: Op.ANY, permissionType: Perm.ANY };
const filter = (over: Partial<AclBindingFilter>): AclBindingFilter => ({ ...any, ...over });

describe("AclBindingFilter.matches", () => {
  const literal = acl();
  const wildcard = acl({ resourceName: "*" });
  const prefixed = acl({ resourceName: "ord", patternType: PT.PREFIXED });
  const names = (f: AclBindingFilter) => [literal, wildcard, prefixed].filter((a) => filterMatches(f, a)).map((a) => `${a.patternType === PT.PREFIXED ? "prefixed" : "literal"}:${a.resourceName}`);

  it("ANY with a name matches that exact name in every pattern type; a pattern type matches only itself", () => {
    expect(names(any)).toEqual(["literal:orders", "literal:*", "prefixed:ord"]);
    expect(names(filter({ resourceName: "orders" }))).toEqual(["literal:orders"]);
    expect(names(filter({ resourceName: "ord" }))).toEqual(["prefixed:ord"]);
    expect(names(filter({ patternType: PT.LITERAL }))).toEqual(["literal:orders", "literal:*"]);
    expect(names(filter({ patternType: PT.PREFIXED, resourceName: "orders" }))).toEqual([]);
  });

  it("MATCH finds every pattern that applies to one name: itself, the wildcard, its prefixes", () => {
    expect(names(filter({ patternType: PT.MATCH, resourceName: "orders" }))).toEqual(["literal:orders", "literal:*", "prefixed:ord"]);
    expect(names(filter({ patternType: PT.MATCH, resourceName: "payments" }))).toEqual(["literal:*"]);
    expect(names(filter({ patternType: PT.MATCH, resourceName: "or" }))).toEqual(["literal:*"]);
  });

  it("the entry filter: null and ANY match anything, else equality", () => {
    expect(filterMatches(filter({ principal: "User:alice", host: "*", operation: Op.WRITE, permissionType: Perm.ALLOW }), literal)).toBe(true);
    expect(filterMatches(filter({ principal: "User:bob" }), literal)).toBe(false);
    expect(filterMatches(filter({ host: "127.0.0.1" }), literal)).toBe(false);
    expect(filterMatches(filter({ operation: Op.READ }), literal)).toBe(false);
    expect(filterMatches(filter({ permissionType: Perm.DENY }), literal)).toBe(false);
    expect(filterMatches(filter({ resourceType: RT.GROUP }), literal)).toBe(false);
  });

  it("a filter with an unrecognised code matches nothing; DeleteAcls refuses it", () => {
    expect(filterMatches(filter({ resourceType: 99 }), literal)).toBe(false);
    expect(filterProblem(filter({ resourceType: 99 }))).toBe("Unknown patternFilter.");
    expect(filterProblem(filter({ operation: 42 }))).toBe("Unknown entryFilter.");
    expect(filterProblem(any)).toBeUndefined();
  });
});

describe("creating ACLs", () => {
  it("refuses what AclApis and AclControlManager refuse, with their messages", () => {
    expect(newAclProblem(acl())).toBeUndefined();
    expect(newAclProblem(acl({ resourceType: RT.CLUSTER, resourceName: "c" }))).toBe("The only valid name for the CLUSTER resource is kafka-cluster");
    expect(newAclProblem(acl({ resourceType: RT.CLUSTER, resourceName: "kafka-cluster", operation: Op.ALTER }))).toBeUndefined();
    expect(newAclProblem(acl({ resourceName: "" }))).toBe("Invalid empty resource name");
    expect(newAclProblem(acl({ resourceType: RT.ANY }))).toBe("Invalid resourceType ANY");
    expect(newAclProblem(acl({ patternType: PT.MATCH }))).toBe("Invalid patternType MATCH");
    expect(newAclProblem(acl({ operation: Op.ANY }))).toBe("Invalid operation ANY");
    expect(newAclProblem(acl({ permissionType: Perm.ANY }))).toBe("Invalid permissionType ANY");
  });

  it("keeps one copy of an ACL created twice, and deletes per filter", () => {
    let changes = 0;
    const store = new AclStore(() => changes++);
    store.add([acl(), acl(), acl({ principal: "User:bob" })]);
    store.add([acl()]);
    expect(store.all()).toHaveLength(2);
    expect(changes).toBe(1);
    const [alice, nobody, everyone] = store.remove([filter({ principal: "User:alice" }), filter({ principal: "User:carol" }), any]);
    expect(alice.map((a) => a.principal)).toEqual(["User:alice"]);
    expect(nobody).toEqual([]);
    expect(everyone.map((a) => a.principal)).toEqual(["User:alice", "User:bob"]);
    expect(store.all()).toEqual([]);
    expect(changes).toBe(2);
  });
});

describe("StandardAuthorizer rules", () => {
  const settings = { superUsers: new Set(["User:admin"]), allowIfNoAcl: true };
  const may = (acls: AclBinding[], over: Partial<Action>, s = settings) =>
    authorize(acls, s, { principal: "User:alice", host: "127.0.0.1", operation: Op.WRITE, resourceType: RT.TOPIC, resourceName: "orders", ...over });

  it("a resource without ACLs gets allow.everyone.if.no.acl.found; one with ACLs denies whoever they do not allow", () => {
    const acls = [acl()];
    expect(may([], {})).toBe(true);
    expect(may([], {}, { ...settings, allowIfNoAcl: false })).toBe(false);
    expect(may(acls, {})).toBe(true);
    expect(may(acls, { principal: "User:bob" })).toBe(false);
    expect(may(acls, { operation: Op.READ })).toBe(false);
    expect(may(acls, { resourceName: "payments" })).toBe(true); // no ACL applies to payments
  });

  it("DENY wins over ALLOW; super users pass anyway", () => {
    const acls = [acl({ principal: "User:*" }), acl({ permissionType: Perm.DENY })];
    expect(may(acls, {})).toBe(false);
    expect(may(acls, { principal: "User:bob" })).toBe(true);
    expect(may(acls, { principal: "User:admin" })).toBe(true);
  });

  it("prefixed and wildcard patterns, hosts and ALL", () => {
    expect(may([acl({ resourceName: "ord", patternType: PT.PREFIXED })], { resourceName: "orders-eu" })).toBe(true);
    expect(may([acl({ resourceName: "ord" })], { resourceName: "orders" })).toBe(true); // a literal "ord" does not apply to "orders"
    expect(may([acl({ resourceName: "*", principal: "User:bob" })], { resourceName: "payments" })).toBe(false);
    expect(may([acl({ host: "10.0.0.1" })], {})).toBe(false);
    expect(may([acl({ host: "127.0.0.1" })], {})).toBe(true);
    expect(may([acl({ operation: Op.ALL })], { operation: Op.DELETE })).toBe(true);
  });

  it("READ, WRITE, DELETE and ALTER allowed imply DESCRIBE; denied, they deny only themselves", () => {
    expect(may([acl({ operation: Op.READ })], { operation: Op.DESCRIBE })).toBe(true);
    expect(may([acl({ operation: Op.CREATE })], { operation: Op.DESCRIBE })).toBe(false);
    expect(may([acl({ operation: Op.ALTER_CONFIGS })], { operation: Op.DESCRIBE_CONFIGS })).toBe(true);
    expect(may([acl({ operation: Op.READ, permissionType: Perm.DENY }), acl({ operation: Op.DESCRIBE })], { operation: Op.DESCRIBE })).toBe(true);
  });

  it("authorized operations are a bit per operation code among those the resource type supports", () => {
    expect(authorizedOperations(RT.CLUSTER, () => true)).toBe((1 << 5) | (1 << 7) | (1 << 8) | (1 << 9) | (1 << 10) | (1 << 11) | (1 << 12));
    expect(authorizedOperations(RT.TOPIC, (op) => op === Op.READ || op === Op.ALL)).toBe(1 << 3);
  });
});

describe("Authorizer.authorizeByResourceType (KIP-679): may the caller WRITE some topic?", () => {
  const strict = { superUsers: new Set(["User:admin"]), allowIfNoAcl: false };
  const some = (acls: AclBinding[], principal = "User:alice", s = strict) =>
    authorizeByResourceType(acls, s, { principal, host: "127.0.0.1", operation: Op.WRITE, resourceType: RT.TOPIC });

  it("an ALLOW on any literal, prefix or the wildcard suffices; super users and a no-ACL default pass", () => {
    expect(some([])).toBe(false);
    expect(some([acl()])).toBe(true);
    expect(some([acl({ resourceName: "ord", patternType: PT.PREFIXED })])).toBe(true);
    expect(some([acl({ resourceName: "*" })])).toBe(true);
    expect(some([acl({ operation: Op.READ })])).toBe(false);
    expect(some([acl({ resourceType: RT.GROUP })])).toBe(false);
    expect(some([acl()], "User:bob")).toBe(false);
    expect(some([], "User:admin")).toBe(true);
    // Kafka asks the authorizer about a topic named "hardcode", which no ACL names: allow.everyone.if.no.acl.found answers.
    expect(some([], "User:alice", { ...strict, allowIfNoAcl: true })).toBe(true);
  });

  it("a DENY on the same literal, a prefix of the allowed name, or \"*\" takes it back", () => {
    expect(some([acl(), acl({ permissionType: Perm.DENY })])).toBe(false);
    expect(some([acl(), acl({ permissionType: Perm.DENY, resourceName: "or", patternType: PT.PREFIXED })])).toBe(false);
    expect(some([acl(), acl({ permissionType: Perm.DENY, resourceName: "*" })])).toBe(false);
    expect(some([acl(), acl({ permissionType: Perm.DENY, resourceName: "payments" })])).toBe(true);
    expect(some([acl({ resourceName: "ord", patternType: PT.PREFIXED }), acl({ permissionType: Perm.DENY })])).toBe(true); // a literal DENY does not dominate a prefix
  });
});
