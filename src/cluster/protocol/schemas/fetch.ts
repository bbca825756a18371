// Fetch (1), v4-11. v4 adds the isolation level, last stable offset and
// aborted transactions; v7 fetch sessions (we answer every request in full,
// session id 0); v11 the rack id. Flexible versions start at 12.
import { arrayOf, f, type ApiSchema } from "../schema";

export const fetch: ApiSchema = {
  apiKey: 1, name: "Fetch", versions: "4-11", flexible: "12+",
  request: [
    f("ReplicaId", "int32", "0-14", { default: -1 }),
    f("MaxWaitMs", "int32", "0+"),
    f("MinBytes", "int32", "0+"),
    f("MaxBytes", "int32", "3+", { default: 0x7fffffff }),
    f("IsolationLevel", "int8", "4+", { default: 0 }),
    f("SessionId", "int32", "7+", { default: 0 }),
    f("SessionEpoch", "int32", "7+", { default: -1 }),
    f("Topics", [
      f("Topic", "string", "0-12"),
      f("Partitions", [
        f("Partition", "int32", "0+"),
        f("CurrentLeaderEpoch", "int32", "9+", { default: -1 }),
        f("FetchOffset", "int64", "0+"),
        f("LastFetchedEpoch", "int32", "12+", { default: -1 }),
        f("LogStartOffset", "int64", "5+", { default: -1 }),
        f("PartitionMaxBytes", "int32", "0+"),
      ], "0+"),
    ], "0+"),
    f("ForgottenTopicsData", [f("Topic", "string", "7-12"), f("Partitions", arrayOf("int32"), "7+")], "7+"),
    f("RackId", "string", "11+", { default: "" }),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "1+"),
    f("ErrorCode", "int16", "7+"),
    f("SessionId", "int32", "7+", { default: 0 }),
    f("Responses", [
      f("Topic", "string", "0-12", { echo: "Topic" }),
      f("Partitions", [
        f("PartitionIndex", "int32", "0+", { echo: "Partition" }),
        f("ErrorCode", "int16", "0+"),
        f("HighWatermark", "int64", "0+", { default: -1 }),
        f("LastStableOffset", "int64", "4+", { default: -1 }),
        f("LogStartOffset", "int64", "5+", { default: -1 }),
        f("AbortedTransactions", [f("ProducerId", "int64", "4+"), f("FirstOffset", "int64", "4+")], "4+", { nullable: "4+", default: null }),
        f("PreferredReadReplica", "int32", "11+", { default: -1 }),
        f("Records", "records", "0+", { nullable: "0+" }),
      ], "0+", { echo: "Partitions" }),
    ], "0+", { echo: "Topics" }),
  ],
};
