// JoinGroup (11), v0-5. v1 adds the rebalance timeout, v4 the
// MEMBER_ID_REQUIRED round trip, v5 static membership's instance id.
import { f, type ApiSchema } from "../schema";

export const joinGroup: ApiSchema = {
  apiKey: 11, name: "JoinGroup", versions: "0-5", flexible: "6+",
  request: [
    f("GroupId", "string", "0+"),
    f("SessionTimeoutMs", "int32", "0+"),
    f("RebalanceTimeoutMs", "int32", "1+", { default: -1 }),
    f("MemberId", "string", "0+"),
    f("GroupInstanceId", "string", "5+", { nullable: "5+", default: null }),
    f("ProtocolType", "string", "0+"),
    f("Protocols", [f("Name", "string", "0+"), f("Metadata", "bytes", "0+")], "0+"),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "2+"),
    f("ErrorCode", "int16", "0+"),
    f("GenerationId", "int32", "0+", { default: -1 }),
    f("ProtocolName", "string", "0+", { nullable: "7+" }),
    f("Leader", "string", "0+"),
    f("MemberId", "string", "0+", { echo: "MemberId" }),
    f("Members", [
      f("MemberId", "string", "0+"),
      f("GroupInstanceId", "string", "5+", { nullable: "5+", default: null }),
      f("Metadata", "bytes", "0+"),
    ], "0+"),
  ],
};
