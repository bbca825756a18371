// IncrementalAlterConfigs (44), v0-1 (v1 is flexible). Each config change is
// an operation: 0 SET, 1 DELETE, 2 APPEND, 3 SUBTRACT (lists only).
import { f, type ApiSchema } from "../schema";

export const incrementalAlterConfigs: ApiSchema = {
  apiKey: 44, name: "IncrementalAlterConfigs", versions: "0-1", flexible: "1+",
  request: [
    f("Resources", [
      f("ResourceType", "int8", "0+"),
      f("ResourceName", "string", "0+"),
      f("Configs", [
        f("Name", "string", "0+"),
        f("ConfigOperation", "int8", "0+"),
        f("Value", "string", "0+", { nullable: "0+", default: null }),
      ], "0+"),
    ], "0+"),
    f("ValidateOnly", "bool", "0+", { default: false }),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("Responses", [
      f("ErrorCode", "int16", "0+"),
      f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
      f("ResourceType", "int8", "0+", { echo: "ResourceType" }),
      f("ResourceName", "string", "0+", { echo: "ResourceName" }),
    ], "0+", { echo: "Resources" }),
  ],
};
