// DescribeCluster (60): the live brokers, the controller and the cluster id
// (Kafka's AuthHelper.computeDescribeClusterResponse). Brokers answer for
// the broker endpoints only: asking for controllers (v1, endpoint type 2) is
// MISMATCHED_ENDPOINT_TYPE, another type UNSUPPORTED_ENDPOINT_TYPE. When
// asked, the caller's authorized operations on the cluster: a bit per
// operation code, 0 without DESCRIBE on the cluster.
import { ErrorCode } from "../protocol/errors";
import { describeCluster as schema } from "../protocol/schemas/describe-cluster";
import { clusterOperations } from "./authorization";
import type { Handler } from "./handler";

const BROKERS = 1;
const CONTROLLERS = 2;
/** The schema's default: "not asked". */
const UNSET = -2147483648;

export const describeCluster: Handler = {
  schema,
  handle(ctx, body: { includeClusterAuthorizedOperations: boolean; endpointType: number }) {
    if (body.endpointType !== BROKERS) {
      const errorCode = body.endpointType === CONTROLLERS ? ErrorCode.MISMATCHED_ENDPOINT_TYPE : ErrorCode.UNSUPPORTED_ENDPOINT_TYPE;
      const errorMessage = body.endpointType === CONTROLLERS
        ? "The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type CONTROLLER"
        : `Unsupported endpoint type ${body.endpointType}`;
      return { throttleTimeMs: 0, errorCode, errorMessage, brokers: [] };
    }
    const { state } = ctx;
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      endpointType: BROKERS,
      clusterId: state.clusterId,
      controllerId: state.controllerId,
      brokers: state.brokers.filter((b) => b.up).map((b) => ({ brokerId: b.nodeId, host: b.host, port: b.port, rack: null })),
      clusterAuthorizedOperations: body.includeClusterAuthorizedOperations ? clusterOperations(ctx) : UNSET,
    };
  },
};
