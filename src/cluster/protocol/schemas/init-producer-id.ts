// InitProducerId (22), v0-1: a producer id and epoch for an idempotent or transactional producer.
import { f, type ApiSchema } from "../schema";

export const initProducerId: ApiSchema = {
  apiKey: 22, name: "InitProducerId", versions: "0-1", flexible: "2+",
  request: [
    f("TransactionalId", "string", "0+", { nullable: "0+" }),
    f("TransactionTimeoutMs", "int32", "0+"),
    f("ProducerId", "int64", "3+", { default: -1 }),
    f("ProducerEpoch", "int16", "3+", { default: -1 }),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("ErrorCode", "int16", "0+"),
    f("ProducerId", "int64", "0+", { default: -1 }),
    f("ProducerEpoch", "int16", "0+", { default: -1 }),
  ],
};
