// DeleteTopics (20), v0-3 (topics by name; flexible versions start at 4).
import { arrayOf, f, type ApiSchema } from "../schema";

export const deleteTopics: ApiSchema = {
  apiKey: 20, name: "DeleteTopics", versions: "0-3", flexible: "4+",
  request: [
    f("TopicNames", arrayOf("string"), "0-5"),
    f("TimeoutMs", "int32", "0+"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "1+"),
    f("Responses", [f("Name", "string", "0+", { echo: "." }), f("ErrorCode", "int16", "0+")], "0+", { echo: "TopicNames" }),
  ],
};
