// DescribeTransactions (65), v0 (flexible from v0; KIP-664): a transactional
// id's state as its coordinator holds it.
import { arrayOf, f, type ApiSchema } from "../schema";

export const describeTransactions: ApiSchema = {
  apiKey: 65, name: "DescribeTransactions", versions: "0", flexible: "0+",
  request: [f("TransactionalIds", arrayOf("string"), "0+")],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("TransactionStates", [
      f("ErrorCode", "int16", "0+"),
      f("TransactionalId", "string", "0+", { echo: "." }),
      f("TransactionState", "string", "0+", { default: "" }),
      f("TransactionTimeoutMs", "int32", "0+"),
      f("TransactionStartTimeMs", "int64", "0+"),
      f("ProducerId", "int64", "0+"),
      f("ProducerEpoch", "int16", "0+"),
      f("Topics", [f("Topic", "string", "0+"), f("Partitions", arrayOf("int32"), "0+")], "0+"),
    ], "0+", { echo: "TransactionalIds" }),
  ],
};
