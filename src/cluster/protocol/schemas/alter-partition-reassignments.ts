// AlterPartitionReassignments (45), v0 (flexible from v0; KIP-455): moves
// partitions to new replica lists; null replicas cancel a pending move.
import { arrayOf, f, type ApiSchema } from "../schema";

export const alterPartitionReassignments: ApiSchema = {
  apiKey: 45, name: "AlterPartitionReassignments", versions: "0", flexible: "0+",
  request: [
    f("TimeoutMs", "int32", "0+", { default: 60000 }),
    f("Topics", [
      f("Name", "string", "0+"),
      f("Partitions", [
        f("PartitionIndex", "int32", "0+"),
        f("Replicas", arrayOf("int32"), "0+", { nullable: "0+", default: null }),
      ], "0+"),
    ], "0+"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("ErrorCode", "int16", "0+"),
    f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
    f("Responses", [
      f("Name", "string", "0+", { echo: "Name" }),
      f("Partitions", [
        f("PartitionIndex", "int32", "0+", { echo: "PartitionIndex" }),
        f("ErrorCode", "int16", "0+"),
        f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
      ], "0+", { echo: "Partitions" }),
    ], "0+", { echo: "Topics" }),
  ],
};
