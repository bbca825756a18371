// DeleteRecords (21), v0-2 (v2 is flexible): moves partitions' log start
// offsets forward; offset -1 means the high watermark.
import { f, type ApiSchema } from "../schema";

export const deleteRecords: ApiSchema = {
  apiKey: 21, name: "DeleteRecords", versions: "0-2", flexible: "2+",
  request: [
    f("Topics", [
      f("Name", "string", "0+"),
      f("Partitions", [f("PartitionIndex", "int32", "0+"), f("Offset", "int64", "0+")], "0+"),
    ], "0+"),
    f("TimeoutMs", "int32", "0+", { default: 60000 }),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("Topics", [
      f("Name", "string", "0+", { echo: "Name" }),
      f("Partitions", [
        f("PartitionIndex", "int32", "0+", { echo: "PartitionIndex" }),
        f("LowWatermark", "int64", "0+", { default: -1 }),
        f("ErrorCode", "int16", "0+"),
      ], "0+", { echo: "Partitions" }),
    ], "0+", { echo: "Topics" }),
  ],
};
