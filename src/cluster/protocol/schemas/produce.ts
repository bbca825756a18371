// Produce (0), v3-8 (v3 is the first version that carries record batches v2;
// flexible versions start at 9, which we do not serve).
import { f, struct, type ApiSchema } from "../schema";

export const produce: ApiSchema = {
  apiKey: 0, name: "Produce", versions: "3-8", flexible: "9+",
  request: [
    f("TransactionalId", "string", "3+", { nullable: "3+", default: null }),
    f("Acks", "int16", "0+"),
    f("TimeoutMs", "int32", "0+"),
    f("TopicData", [
      f("Name", "string", "0+"),
      f("PartitionData", [f("Index", "int32", "0+"), f("Records", "records", "0+", { nullable: "0+" })], "0+"),
    ], "0+"),
  ],
  response: [
    f("Responses", [
      f("Name", "string", "0+", { echo: "Name" }),
      f("PartitionResponses", [
        f("Index", "int32", "0+", { echo: "Index" }),
        f("ErrorCode", "int16", "0+"),
        f("BaseOffset", "int64", "0+", { default: -1 }),
        f("LogAppendTimeMs", "int64", "2+", { default: -1 }),
        f("LogStartOffset", "int64", "5+", { default: -1 }),
        f("RecordErrors", [f("BatchIndex", "int32", "8+"), f("BatchIndexErrorMessage", "string", "8+", { nullable: "8+", default: null })], "8+"),
        f("ErrorMessage", "string", "8+", { nullable: "8+", default: null }),
        f("CurrentLeader", struct([f("LeaderId", "int32", "10+", { default: -1 }), f("LeaderEpoch", "int32", "10+", { default: -1 })]), "10+", { tag: 0 }),
      ], "0+", { echo: "PartitionData" }),
    ], "0+", { echo: "TopicData" }),
    f("ThrottleTimeMs", "int32", "1+", { default: 0 }),
  ],
};
