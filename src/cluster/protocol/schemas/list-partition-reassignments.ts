// ListPartitionReassignments (46), v0 (flexible from v0; KIP-455): the
// reassignments still in progress, with the replicas being added and removed.
import { arrayOf, f, type ApiSchema } from "../schema";

export const listPartitionReassignments: ApiSchema = {
  apiKey: 46, name: "ListPartitionReassignments", versions: "0", flexible: "0+",
  request: [
    f("TimeoutMs", "int32", "0+", { default: 60000 }),
    f("Topics", [f("Name", "string", "0+"), f("PartitionIndexes", arrayOf("int32"), "0+")], "0+", { nullable: "0+", default: null }),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("ErrorCode", "int16", "0+"),
    f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
    f("Topics", [
      f("Name", "string", "0+"),
      f("Partitions", [
        f("PartitionIndex", "int32", "0+"),
        f("Replicas", arrayOf("int32"), "0+"),
        f("AddingReplicas", arrayOf("int32"), "0+"),
        f("RemovingReplicas", arrayOf("int32"), "0+"),
      ], "0+"),
    ], "0+"),
  ],
};
