// ElectLeaders (43), v0-2 (v1 adds the election type, KIP-460, and a top-level
// error code; v2 is flexible). Null topic partitions: every partition.
import { arrayOf, f, type ApiSchema } from "../schema";

export const electLeaders: ApiSchema = {
  apiKey: 43, name: "ElectLeaders", versions: "0-2", flexible: "2+",
  request: [
    f("ElectionType", "int8", "1+"),
    f("TopicPartitions", [f("Topic", "string", "0+"), f("Partitions", arrayOf("int32"), "0+")], "0+", { nullable: "0+" }),
    f("TimeoutMs", "int32", "0+", { default: 60000 }),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("ErrorCode", "int16", "1+"),
    f("ReplicaElectionResults", [
      f("Topic", "string", "0+", { echo: "Topic" }),
      f("PartitionResult", [
        f("PartitionId", "int32", "0+", { echo: "." }),
        f("ErrorCode", "int16", "0+"),
        f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
      ], "0+", { echo: "Partitions" }),
    ], "0+", { echo: "TopicPartitions" }),
  ],
};
