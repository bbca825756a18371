// LeaveGroup (13), v0-3. v3 leaves a batch of members (by id or instance id).
import { f, type ApiSchema } from "../schema";

export const leaveGroup: ApiSchema = {
  apiKey: 13, name: "LeaveGroup", versions: "0-3", flexible: "4+",
  request: [
    f("GroupId", "string", "0+"),
    f("MemberId", "string", "0-2"),
    f("Members", [f("MemberId", "string", "3+"), f("GroupInstanceId", "string", "3+", { nullable: "3+", default: null })], "3+"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "1+"),
    f("ErrorCode", "int16", "0+"),
    f("Members", [
      f("MemberId", "string", "3+"),
      f("GroupInstanceId", "string", "3+", { nullable: "3+", default: null }),
      f("ErrorCode", "int16", "3+"),
    ], "3+"),
  ],
};
