// DeleteGroups (42), v0-1.
import { arrayOf, f, type ApiSchema } from "../schema";

export const deleteGroups: ApiSchema = {
  apiKey: 42, name: "DeleteGroups", versions: "0-1", flexible: "2+",
  request: [f("GroupsNames", arrayOf("string"), "0+")],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("Results", [f("GroupId", "string", "0+", { echo: "." }), f("ErrorCode", "int16", "0+")], "0+", { echo: "GroupsNames" }),
  ],
};
