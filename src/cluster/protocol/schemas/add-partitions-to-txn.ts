// AddPartitionsToTxn (24), v0-1. Field names are those of the v0-3 layout
// (Kafka renamed them "V3AndBelow…" when v4 added batching).
import { arrayOf, f, type ApiSchema } from "../schema";

export const addPartitionsToTxn: ApiSchema = {
  apiKey: 24, name: "AddPartitionsToTxn", versions: "0-1", flexible: "3+",
  request: [
    f("TransactionalId", "string", "0-3"),
    f("ProducerId", "int64", "0-3"),
    f("ProducerEpoch", "int16", "0-3"),
    f("Topics", [f("Name", "string", "0+"), f("Partitions", arrayOf("int32"), "0+")], "0-3"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("Results", [
      f("Name", "string", "0+", { echo: "Name" }),
      f("Results", [f("PartitionIndex", "int32", "0+", { echo: "." }), f("ErrorCode", "int16", "0+")], "0+", { echo: "Partitions" }),
    ], "0-3", { echo: "Topics" }),
  ],
};
