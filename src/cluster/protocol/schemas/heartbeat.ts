// Heartbeat (12), v0-3.
import { f, type ApiSchema } from "../schema";

export const heartbeat: ApiSchema = {
  apiKey: 12, name: "Heartbeat", versions: "0-3", flexible: "4+",
  request: [
    f("GroupId", "string", "0+"),
    f("GenerationId", "int32", "0+"),
    f("MemberId", "string", "0+"),
    f("GroupInstanceId", "string", "3+", { nullable: "3+", default: null }),
  ],
  response: [f("ThrottleTimeMs", "int32", "1+"), f("ErrorCode", "int16", "0+")],
};
