// DescribeGroups (15), v0-5 (v3 authorized operations, KIP-430; v4 group instance ids; v5 flexible).
import { arrayOf, f, type ApiSchema } from "../schema";

export const describeGroups: ApiSchema = {
  apiKey: 15, name: "DescribeGroups", versions: "0-5", flexible: "5+",
  request: [f("Groups", arrayOf("string"), "0+"), f("IncludeAuthorizedOperations", "bool", "3+")],
  response: [
    f("ThrottleTimeMs", "int32", "1+"),
    f("Groups", [
      f("ErrorCode", "int16", "0+"),
      f("GroupId", "string", "0+", { echo: "." }),
      f("GroupState", "string", "0+"),
      f("ProtocolType", "string", "0+"),
      f("ProtocolData", "string", "0+"),
      f("Members", [
        f("MemberId", "string", "0+"),
        f("GroupInstanceId", "string", "4+", { nullable: "4+", default: null }),
        f("ClientId", "string", "0+"),
        f("ClientHost", "string", "0+"),
        f("MemberMetadata", "bytes", "0+"),
        f("MemberAssignment", "bytes", "0+"),
      ], "0+"),
      f("AuthorizedOperations", "int32", "3+", { default: -2147483648 }),
    ], "0+", { echo: "Groups" }),
  ],
};
