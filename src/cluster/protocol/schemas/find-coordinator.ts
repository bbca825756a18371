// FindCoordinator (10), v0-3. KeyType (v1+): 0 = group, 1 = transaction. v3 is flexible.
import { f, type ApiSchema } from "../schema";

export const findCoordinator: ApiSchema = {
  apiKey: 10, name: "FindCoordinator", versions: "0-3", flexible: "3+",
  request: [f("Key", "string", "0-3"), f("KeyType", "int8", "1+", { default: 0 })],
  response: [
    f("ThrottleTimeMs", "int32", "1+"),
    f("ErrorCode", "int16", "0-3"),
    f("ErrorMessage", "string", "1-3", { nullable: "1-3", default: null }),
    f("NodeId", "int32", "0-3", { default: -1 }),
    f("Host", "string", "0-3"),
    f("Port", "int32", "0-3", { default: -1 }),
  ],
};
