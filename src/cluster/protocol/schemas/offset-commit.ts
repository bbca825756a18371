// OffsetCommit (8), v0-7. v1 adds generation/member and a per-partition
// commit timestamp (v1 only); v2-4 a retention time; v6 leader epochs; v7 the
// instance id. Flexible versions start at 8.
import { f, type ApiSchema } from "../schema";

export const offsetCommit: ApiSchema = {
  apiKey: 8, name: "OffsetCommit", versions: "0-7", flexible: "8+",
  request: [
    f("GroupId", "string", "0+"),
    f("GenerationId", "int32", "1+", { default: -1 }),
    f("MemberId", "string", "1+"),
    f("GroupInstanceId", "string", "7+", { nullable: "7+", default: null }),
    f("RetentionTimeMs", "int64", "2-4", { default: -1 }),
    f("Topics", [
      f("Name", "string", "0+"),
      f("Partitions", [
        f("PartitionIndex", "int32", "0+"),
        f("CommittedOffset", "int64", "0+"),
        f("CommittedLeaderEpoch", "int32", "6+", { default: -1 }),
        f("CommitTimestamp", "int64", "1", { default: -1 }),
        f("CommittedMetadata", "string", "0+", { nullable: "0+" }),
      ], "0+"),
    ], "0+"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "3+"),
    f("Topics", [
      f("Name", "string", "0+", { echo: "Name" }),
      f("Partitions", [f("PartitionIndex", "int32", "0+", { echo: "PartitionIndex" }), f("ErrorCode", "int16", "0+")], "0+", { echo: "Partitions" }),
    ], "0+", { echo: "Topics" }),
  ],
};
