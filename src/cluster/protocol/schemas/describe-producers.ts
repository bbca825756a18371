// DescribeProducers (61), v0 (flexible from v0; KIP-664): the producers a
// partition's leader holds state for.
import { arrayOf, f, type ApiSchema } from "../schema";

export const describeProducers: ApiSchema = {
  apiKey: 61, name: "DescribeProducers", versions: "0", flexible: "0+",
  request: [f("Topics", [f("Name", "string", "0+"), f("PartitionIndexes", arrayOf("int32"), "0+")], "0+")],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("Topics", [
      f("Name", "string", "0+", { echo: "Name" }),
      f("Partitions", [
        f("PartitionIndex", "int32", "0+", { echo: "." }),
        f("ErrorCode", "int16", "0+"),
        f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
        f("ActiveProducers", [
          f("ProducerId", "int64", "0+"),
          f("ProducerEpoch", "int32", "0+"),
          f("LastSequence", "int32", "0+", { default: -1 }),
          f("LastTimestamp", "int64", "0+", { default: -1 }),
          f("CoordinatorEpoch", "int32", "0+"),
          f("CurrentTxnStartOffset", "int64", "0+", { default: -1 }),
        ], "0+"),
      ], "0+", { echo: "PartitionIndexes" }),
    ], "0+", { echo: "Topics" }),
  ],
};
