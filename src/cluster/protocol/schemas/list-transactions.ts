// ListTransactions (66), v0-1 (flexible from v0; KIP-664, v1 adds the
// duration filter of KIP-994): the transactional ids a coordinator holds.
import { arrayOf, f, type ApiSchema } from "../schema";

export const listTransactions: ApiSchema = {
  apiKey: 66, name: "ListTransactions", versions: "0-1", flexible: "0+",
  request: [
    f("StateFilters", arrayOf("string"), "0+"),
    f("ProducerIdFilters", arrayOf("int64"), "0+"),
    f("DurationFilter", "int64", "1+", { default: -1 }),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("ErrorCode", "int16", "0+"),
    f("UnknownStateFilters", arrayOf("string"), "0+"),
    f("TransactionStates", [f("TransactionalId", "string", "0+"), f("ProducerId", "int64", "0+"), f("TransactionState", "string", "0+")], "0+"),
  ],
};
