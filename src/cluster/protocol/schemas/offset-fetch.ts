// OffsetFetch (9), v0-5. v2 makes the topic list nullable (null = every
// committed partition) and adds a group-level error; v5 leader epochs.
import { arrayOf, f, type ApiSchema } from "../schema";

export const offsetFetch: ApiSchema = {
  apiKey: 9, name: "OffsetFetch", versions: "0-5", flexible: "6+",
  request: [
    f("GroupId", "string", "0-7"),
    f("Topics", [f("Name", "string", "0-7"), f("PartitionIndexes", arrayOf("int32"), "0-7")], "0-7", { nullable: "2-7" }),
    f("RequireStable", "bool", "7+", { default: false }),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "3+"),
    f("Topics", [
      f("Name", "string", "0-7", { echo: "Name" }),
      f("Partitions", [
        f("PartitionIndex", "int32", "0-7", { echo: "." }),
        f("CommittedOffset", "int64", "0-7", { default: -1 }),
        f("CommittedLeaderEpoch", "int32", "5-7", { default: -1 }),
        f("Metadata", "string", "0-7", { nullable: "0-7" }),
        f("ErrorCode", "int16", "0-7"),
      ], "0-7", { echo: "PartitionIndexes" }),
    ], "0-7", { echo: "Topics" }),
    f("ErrorCode", "int16", "2-7", { default: 0 }),
  ],
};
