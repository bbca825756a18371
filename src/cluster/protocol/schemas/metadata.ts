// Metadata (3), v0-9. v1 makes the topic list nullable (null = all topics),
// v4 adds AllowAutoTopicCreation, v9 is flexible.
import { arrayOf, f, type ApiSchema } from "../schema";

export const metadata: ApiSchema = {
  apiKey: 3, name: "Metadata", versions: "0-9", flexible: "9+",
  request: [
    f("Topics", [f("TopicId", "uuid", "10+"), f("Name", "string", "0+", { nullable: "10+" })], "0+", { nullable: "1+" }),
    f("AllowAutoTopicCreation", "bool", "4+", { default: true }),
    f("IncludeClusterAuthorizedOperations", "bool", "8-10"),
    f("IncludeTopicAuthorizedOperations", "bool", "8+"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "3+"),
    f("Brokers", [
      f("NodeId", "int32", "0+"),
      f("Host", "string", "0+"),
      f("Port", "int32", "0+"),
      f("Rack", "string", "1+", { nullable: "1+", default: null }),
    ], "0+"),
    f("ClusterId", "string", "2+", { nullable: "2+", default: null }),
    f("ControllerId", "int32", "1+", { default: -1 }),
    f("Topics", [
      f("ErrorCode", "int16", "0+"),
      f("Name", "string", "0+", { nullable: "12+", echo: "Name" }),
      f("TopicId", "uuid", "10+"),
      f("IsInternal", "bool", "1+", { default: false }),
      f("Partitions", [
        f("ErrorCode", "int16", "0+"),
        f("PartitionIndex", "int32", "0+"),
        f("LeaderId", "int32", "0+"),
        f("LeaderEpoch", "int32", "7+", { default: -1 }),
        f("ReplicaNodes", arrayOf("int32"), "0+"),
        f("IsrNodes", arrayOf("int32"), "0+"),
        f("OfflineReplicas", arrayOf("int32"), "5+"),
      ], "0+"),
      f("TopicAuthorizedOperations", "int32", "8+", { default: -2147483648 }),
    ], "0+", { echo: "Topics" }),
    f("ClusterAuthorizedOperations", "int32", "8-10", { default: -2147483648 }),
  ],
};
