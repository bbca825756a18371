// AddOffsetsToTxn (25), v0-1: the group whose offsets the transaction will commit.
import { f, type ApiSchema } from "../schema";

export const addOffsetsToTxn: ApiSchema = {
  apiKey: 25, name: "AddOffsetsToTxn", versions: "0-1", flexible: "3+",
  request: [
    f("TransactionalId", "string", "0+"),
    f("ProducerId", "int64", "0+"),
    f("ProducerEpoch", "int16", "0+"),
    f("GroupId", "string", "0+"),
  ],
  response: [f("ThrottleTimeMs", "int32", "0+"), f("ErrorCode", "int16", "0+")],
};
