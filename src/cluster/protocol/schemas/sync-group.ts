// SyncGroup (14), v0-3: the leader sends every member's assignment; each member gets its own.
import { f, type ApiSchema } from "../schema";

export const syncGroup: ApiSchema = {
  apiKey: 14, name: "SyncGroup", versions: "0-3", flexible: "4+",
  request: [
    f("GroupId", "string", "0+"),
    f("GenerationId", "int32", "0+"),
    f("MemberId", "string", "0+"),
    f("GroupInstanceId", "string", "3+", { nullable: "3+", default: null }),
    f("Assignments", [f("MemberId", "string", "0+"), f("Assignment", "bytes", "0+")], "0+"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "1+"),
    f("ErrorCode", "int16", "0+"),
    f("Assignment", "bytes", "0+"),
  ],
};
