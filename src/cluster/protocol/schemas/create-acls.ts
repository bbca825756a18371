// CreateAcls (30), v0-3 as Kafka 3.9 serves it: v1 adds the pattern type
// (v0 creates LITERAL patterns only), v2 is flexible, v3 admits the USER
// resource type. One result per creation, in request order.
import { f, type ApiSchema } from "../schema";

export const createAcls: ApiSchema = {
  apiKey: 30, name: "CreateAcls", versions: "0-3", flexible: "2+",
  request: [
    f("Creations", [
      f("ResourceType", "int8", "0+"),
      f("ResourceName", "string", "0+"),
      f("ResourcePatternType", "int8", "1+", { default: 3 }),
      f("Principal", "string", "0+"),
      f("Host", "string", "0+"),
      f("Operation", "int8", "0+"),
      f("PermissionType", "int8", "0+"),
    ], "0+"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("Results", [
      f("ErrorCode", "int16", "0+"),
      f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
    ], "0+", { echo: "Creations" }),
  ],
};
