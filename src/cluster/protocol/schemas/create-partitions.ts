// CreatePartitions (37), v0-1: grow a topic to Count partitions. Existing
// records stay where they are; only new keyed records map differently.
import { arrayOf, f, type ApiSchema } from "../schema";

export const createPartitions: ApiSchema = {
  apiKey: 37, name: "CreatePartitions", versions: "0-1", flexible: "2+",
  request: [
    f("Topics", [
      f("Name", "string", "0+"),
      f("Count", "int32", "0+"),
      f("Assignments", [f("BrokerIds", arrayOf("int32"), "0+")], "0+", { nullable: "0+", default: null }),
    ], "0+"),
    f("TimeoutMs", "int32", "0+"),
    f("ValidateOnly", "bool", "0+"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("Results", [
      f("Name", "string", "0+", { echo: "Name" }),
      f("ErrorCode", "int16", "0+"),
      f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
    ], "0+", { echo: "Topics" }),
  ],
};
