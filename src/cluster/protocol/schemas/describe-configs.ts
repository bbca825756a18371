// DescribeConfigs (32), v0-4. Resource type 2 = topic, 4 = broker. v1 adds
// synonyms and the config source (replacing v0's IsDefault); v3 the config's
// type and documentation; v4 is flexible.
import { arrayOf, f, type ApiSchema } from "../schema";

export const describeConfigs: ApiSchema = {
  apiKey: 32, name: "DescribeConfigs", versions: "0-4", flexible: "4+",
  request: [
    f("Resources", [
      f("ResourceType", "int8", "0+"),
      f("ResourceName", "string", "0+"),
      f("ConfigurationKeys", arrayOf("string"), "0+", { nullable: "0+", default: null }),
    ], "0+"),
    f("IncludeSynonyms", "bool", "1+", { default: false }),
    f("IncludeDocumentation", "bool", "3+", { default: false }),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("Results", [
      f("ErrorCode", "int16", "0+"),
      f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
      f("ResourceType", "int8", "0+", { echo: "ResourceType" }),
      f("ResourceName", "string", "0+", { echo: "ResourceName" }),
      f("Configs", [
        f("Name", "string", "0+"),
        f("Value", "string", "0+", { nullable: "0+", default: null }),
        f("ReadOnly", "bool", "0+"),
        f("IsDefault", "bool", "0"),
        f("ConfigSource", "int8", "1+", { default: -1 }),
        f("IsSensitive", "bool", "0+"),
        f("Synonyms", [f("Name", "string", "1+"), f("Value", "string", "1+", { nullable: "0+", default: null }), f("Source", "int8", "1+")], "1+"),
        f("ConfigType", "int8", "3+", { default: 0 }),
        f("Documentation", "string", "3+", { nullable: "0+", default: null }),
      ], "0+"),
    ], "0+", { echo: "Resources" }),
  ],
};
