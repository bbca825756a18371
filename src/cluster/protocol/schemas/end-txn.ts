// EndTxn (26), v0-1: commit or abort the producer's open transaction.
import { f, type ApiSchema } from "../schema";

export const endTxn: ApiSchema = {
  apiKey: 26, name: "EndTxn", versions: "0-1", flexible: "3+",
  request: [
    f("TransactionalId", "string", "0+"),
    f("ProducerId", "int64", "0+"),
    f("ProducerEpoch", "int16", "0+"),
    f("Committed", "bool", "0+"),
  ],
  response: [f("ThrottleTimeMs", "int32", "0+"), f("ErrorCode", "int16", "0+")],
};
