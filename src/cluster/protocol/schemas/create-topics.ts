// CreateTopics (19), v0-4. NumPartitions/ReplicationFactor may be -1 (use the
// broker's defaults, v4+ semantics that kafkajs also sends on v3); v1 adds
// validateOnly and error messages. Flexible versions start at 5.
import { arrayOf, f, type ApiSchema } from "../schema";

export const createTopics: ApiSchema = {
  apiKey: 19, name: "CreateTopics", versions: "0-4", flexible: "5+",
  request: [
    f("Topics", [
      f("Name", "string", "0+"),
      f("NumPartitions", "int32", "0+"),
      f("ReplicationFactor", "int16", "0+"),
      f("Assignments", [f("PartitionIndex", "int32", "0+"), f("BrokerIds", arrayOf("int32"), "0+")], "0+"),
      f("Configs", [f("Name", "string", "0+"), f("Value", "string", "0+", { nullable: "0+" })], "0+"),
    ], "0+"),
    f("TimeoutMs", "int32", "0+", { default: 60000 }),
    f("ValidateOnly", "bool", "1+", { default: false }),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "2+"),
    f("Topics", [
      f("Name", "string", "0+", { echo: "Name" }),
      f("ErrorCode", "int16", "0+"),
      f("ErrorMessage", "string", "1+", { nullable: "0+", default: null }),
    ], "0+", { echo: "Topics" }),
  ],
};
