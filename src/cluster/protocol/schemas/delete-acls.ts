// DeleteAcls (31), v0-3 as Kafka 3.9 serves it: v1 adds the pattern type,
// v2 is flexible, v3 admits the USER resource type. One result per filter,
// listing the ACLs it matched (and deleted).
import { f, type ApiSchema } from "../schema";
import { aclFilter } from "./describe-acls";

export const deleteAcls: ApiSchema = {
  apiKey: 31, name: "DeleteAcls", versions: "0-3", flexible: "2+",
  request: [
    f("Filters", aclFilter, "0+"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("FilterResults", [
      f("ErrorCode", "int16", "0+"),
      f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
      f("MatchingAcls", [
        f("ErrorCode", "int16", "0+"),
        f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
        f("ResourceType", "int8", "0+"),
        f("ResourceName", "string", "0+"),
        f("PatternType", "int8", "1+", { default: 3 }),
        f("Principal", "string", "0+"),
        f("Host", "string", "0+"),
        f("Operation", "int8", "0+"),
        f("PermissionType", "int8", "0+"),
      ], "0+"),
    ], "0+", { echo: "Filters" }),
  ],
};
