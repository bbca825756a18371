// DescribeAcls (29), v0-3 as Kafka 3.9 serves it: v1 adds the pattern type
// (v0 knows LITERAL only), v2 is flexible, v3 admits the USER resource type.
import { f, type ApiSchema, type Field } from "../schema";

/** An ACL binding filter: DescribeAcls's request, each of DeleteAcls's filters. Null strings and ANY codes match anything. */
export const aclFilter: Field[] = [
  f("ResourceTypeFilter", "int8", "0+"),
  f("ResourceNameFilter", "string", "0+", { nullable: "0+" }),
  f("PatternTypeFilter", "int8", "1+", { default: 3 }),
  f("PrincipalFilter", "string", "0+", { nullable: "0+" }),
  f("HostFilter", "string", "0+", { nullable: "0+" }),
  f("Operation", "int8", "0+"),
  f("PermissionType", "int8", "0+"),
];

export const describeAcls: ApiSchema = {
  apiKey: 29, name: "DescribeAcls", versions: "0-3", flexible: "2+",
  request: aclFilter,
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("ErrorCode", "int16", "0+"),
    f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
    f("Resources", [
      f("ResourceType", "int8", "0+"),
      f("ResourceName", "string", "0+"),
      f("PatternType", "int8", "1+", { default: 3 }),
      f("Acls", [
        f("Principal", "string", "0+"),
        f("Host", "string", "0+"),
        f("Operation", "int8", "0+"),
        f("PermissionType", "int8", "0+"),
      ], "0+"),
    ], "0+"),
  ],
};
