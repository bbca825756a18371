// ListGroups (16), v0-2 (state filters arrive in v4, flexible versions in v3).
import { arrayOf, f, type ApiSchema } from "../schema";

export const listGroups: ApiSchema = {
  apiKey: 16, name: "ListGroups", versions: "0-2", flexible: "3+",
  request: [f("StatesFilter", arrayOf("string"), "4+")],
  response: [
    f("ThrottleTimeMs", "int32", "1+"),
    f("ErrorCode", "int16", "0+"),
    f("Groups", [f("GroupId", "string", "0+"), f("ProtocolType", "string", "0+"), f("GroupState", "string", "4+")], "0+"),
  ],
};
