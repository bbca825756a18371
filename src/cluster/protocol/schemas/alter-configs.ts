// AlterConfigs (33), v0-2 (v2 is flexible): the legacy API (kafkajs's
// admin.alterConfigs sends v0-1) that replaces a resource's whole set of
// dynamic configs with the ones given.
import { f, type ApiSchema } from "../schema";
import { incrementalAlterConfigs } from "./incremental-alter-configs";

export const alterConfigs: ApiSchema = {
  apiKey: 33, name: "AlterConfigs", versions: "0-2", flexible: "2+",
  request: [
    f("Resources", [
      f("ResourceType", "int8", "0+"),
      f("ResourceName", "string", "0+"),
      f("Configs", [f("Name", "string", "0+"), f("Value", "string", "0+", { nullable: "0+", default: null })], "0+"),
    ], "0+"),
    f("ValidateOnly", "bool", "0+", { default: false }),
  ],
  response: incrementalAlterConfigs.response, // the same fields in Kafka's two specs
};
