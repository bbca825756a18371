// OffsetDelete (47), v0 (KIP-496; no flexible version): removes a group's
// committed offsets for partitions it no longer consumes.
import { f, type ApiSchema } from "../schema";

export const offsetDelete: ApiSchema = {
  apiKey: 47, name: "OffsetDelete", versions: "0", flexible: "none",
  request: [
    f("GroupId", "string", "0+"),
    f("Topics", [f("Name", "string", "0+"), f("Partitions", [f("PartitionIndex", "int32", "0+")], "0+")], "0+"),
  ],
  response: [
    f("ErrorCode", "int16", "0+"),
    f("ThrottleTimeMs", "int32", "0+"),
    f("Topics", [
      f("Name", "string", "0+"),
      f("Partitions", [f("PartitionIndex", "int32", "0+"), f("ErrorCode", "int16", "0+")], "0+"),
    ], "0+"),
  ],
};
