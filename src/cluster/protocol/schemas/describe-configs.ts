// DescribeConfigs (32), v0-2. Resource type 2 = topic, 4 = broker. v1 adds
// synonyms and the config source (replacing v0's IsDefault).
import { arrayOf, f, type ApiSchema } from "../schema";

export const describeConfigs: ApiSchema = {
  apiKey: 32, name: "DescribeConfigs", versions: "0-2", flexible: "4+",
  request: [
    f("Resources", [
      f("ResourceType", "int8", "0+"),
      f("ResourceName", "string", "0+"),
      f("ConfigurationKeys", arrayOf("string"), "0+", { nullable: "0+", default: null }),
    ], "0+"),
    f("IncludeSynonyms", "bool", "1+", { default: false }),
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
      ], "0+"),
    ], "0+", { echo: "Resources" }),
  ],
};
