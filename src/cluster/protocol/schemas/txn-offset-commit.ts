// TxnOffsetCommit (28), v0-2: consumer offsets that become visible only if the transaction commits.
import { f, type ApiSchema } from "../schema";

export const txnOffsetCommit: ApiSchema = {
  apiKey: 28, name: "TxnOffsetCommit", versions: "0-2", flexible: "3+",
  request: [
    f("TransactionalId", "string", "0+"),
    f("GroupId", "string", "0+"),
    f("ProducerId", "int64", "0+"),
    f("ProducerEpoch", "int16", "0+"),
    f("Topics", [
      f("Name", "string", "0+"),
      f("Partitions", [
        f("PartitionIndex", "int32", "0+"),
        f("CommittedOffset", "int64", "0+"),
        f("CommittedLeaderEpoch", "int32", "2+", { default: -1 }),
        f("CommittedMetadata", "string", "0+", { nullable: "0+" }),
      ], "0+"),
    ], "0+"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("Topics", [
      f("Name", "string", "0+", { echo: "Name" }),
      f("Partitions", [f("PartitionIndex", "int32", "0+", { echo: "PartitionIndex" }), f("ErrorCode", "int16", "0+")], "0+", { echo: "Partitions" }),
    ], "0+", { echo: "Topics" }),
  ],
};
