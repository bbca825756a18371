// ListOffsets (2), v0-5. v0 answers with a list of old-style offsets (we give
// at most one); v1+ with one offset and its timestamp; v2 adds the isolation
// level; v4 leader epochs. Timestamp -1 = latest, -2 = earliest.
import { arrayOf, f, type ApiSchema } from "../schema";

export const listOffsets: ApiSchema = {
  apiKey: 2, name: "ListOffsets", versions: "0-5", flexible: "6+",
  request: [
    f("ReplicaId", "int32", "0+"),
    f("IsolationLevel", "int8", "2+"),
    f("Topics", [
      f("Name", "string", "0+"),
      f("Partitions", [
        f("PartitionIndex", "int32", "0+"),
        f("CurrentLeaderEpoch", "int32", "4+", { default: -1 }),
        f("Timestamp", "int64", "0+"),
        f("MaxNumOffsets", "int32", "0", { default: 1 }),
      ], "0+"),
    ], "0+"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "2+"),
    f("Topics", [
      f("Name", "string", "0+", { echo: "Name" }),
      f("Partitions", [
        f("PartitionIndex", "int32", "0+", { echo: "PartitionIndex" }),
        f("ErrorCode", "int16", "0+"),
        f("OldStyleOffsets", arrayOf("int64"), "0"),
        f("Timestamp", "int64", "1+", { default: -1 }),
        f("Offset", "int64", "1+", { default: -1 }),
        f("LeaderEpoch", "int32", "4+", { default: -1 }),
      ], "0+", { echo: "Partitions" }),
    ], "0+", { echo: "Topics" }),
  ],
};
