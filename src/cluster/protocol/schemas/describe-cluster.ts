// DescribeCluster (60), v0-1, always flexible: the brokers, the controller
// and the cluster id, and the caller's authorized operations on the cluster
// when asked. v1 adds the endpoint type (KIP-919: 1 = brokers, 2 = controllers).
import { f, type ApiSchema } from "../schema";

export const describeCluster: ApiSchema = {
  apiKey: 60, name: "DescribeCluster", versions: "0-1", flexible: "0+",
  request: [
    f("IncludeClusterAuthorizedOperations", "bool", "0+"),
    f("EndpointType", "int8", "1+", { default: 1 }),
  ],
  response: [
    f("ThrottleTimeMs", "int32", "0+"),
    f("ErrorCode", "int16", "0+"),
    f("ErrorMessage", "string", "0+", { nullable: "0+", default: null }),
    f("EndpointType", "int8", "1+", { default: 1 }),
    f("ClusterId", "string", "0+", { default: "" }),
    f("ControllerId", "int32", "0+", { default: -1 }),
    f("Brokers", [
      f("BrokerId", "int32", "0+"),
      f("Host", "string", "0+"),
      f("Port", "int32", "0+"),
      f("Rack", "string", "0+", { nullable: "0+", default: null }),
    ], "0+"),
    f("ClusterAuthorizedOperations", "int32", "0+", { default: -2147483648 }),
  ],
};
