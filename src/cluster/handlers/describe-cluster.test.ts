// DescribeCluster at the request level, on a cluster numbered from 0:
// live brokers, the controller, the endpoint-type errors of KIP-919 and the
// cluster's authorized operations.
import { afterEach, describe, expect, it } from "vitest";
import { openRequestClient } from "../client/request-client";
import { createCluster, type ClusterCore } from "../core";
import { ApiKey, ErrorCode } from "../protocol";
import { saslClient } from "../test-support/sasl-client";

let cluster: ClusterCore | undefined;
afterEach(async () => cluster?.stop());

async function client(nodeId: number) {
  const b = cluster!.brokers.find((x) => x.nodeId === nodeId)!;
  return openRequestClient(cluster!.connect(b.host, b.port));
}

describe("DescribeCluster", () => {
  it("lists the live brokers and the controller, numbered from --first-node-id", async () => {
    cluster = await createCluster({ brokers: 3, firstNodeId: 0, port: 9192 });
    const c = await client(1);
    expect(await c.request(ApiKey.DescribeCluster, 0, { includeClusterAuthorizedOperations: false })).toEqual({
      throttleTimeMs: 0, errorCode: 0, errorMessage: null, endpointType: 1, clusterId: "partition-lab", controllerId: 0,
      brokers: [0, 1, 2].map((id) => ({ brokerId: id, host: "127.0.0.1", port: 9192 + id, rack: null })),
      clusterAuthorizedOperations: -2147483648,
    });
    await cluster.stopBroker(0);
    const after = await c.request(ApiKey.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 });
    expect(after.controllerId).toBe(1);
    expect(after.brokers.map((b: { brokerId: number }) => b.brokerId)).toEqual([1, 2]);
  });

  it("answers the cluster's authorized operations when asked: every cluster operation where ACLs are not enforced", async () => {
    cluster = await createCluster({ brokers: 1 });
    const r = await (await client(1)).request(ApiKey.DescribeCluster, 1, { includeClusterAuthorizedOperations: true, endpointType: 1 });
    // CREATE 5, ALTER 7, DESCRIBE 8, CLUSTER_ACTION 9, DESCRIBE_CONFIGS 10, ALTER_CONFIGS 11, IDEMPOTENT_WRITE 12 (AclEntry.supportedOperations)
    expect(r.clusterAuthorizedOperations).toBe([5, 7, 8, 9, 10, 11, 12].reduce((bits, op) => bits | (1 << op), 0));
  });

  it("where ACLs are enforced (SASL), reports what the caller may do, and 0 without DESCRIBE on the cluster", async () => {
    cluster = await createCluster({ brokers: 1, sasl: { users: { alice: "a", bob: "b" } } });
    const allow = (operation: number) => ({ resourceType: 4, resourceName: "kafka-cluster", patternType: 3, principal: "User:alice", host: "*", operation, permissionType: 3 });
    cluster.state.acls.add([allow(8), allow(7)]); // DESCRIBE, ALTER
    const operations = async (user: string, password: string) => {
      const c = await saslClient(cluster!, 1, user, password);
      return (await c.request(ApiKey.DescribeCluster, 1, { includeClusterAuthorizedOperations: true, endpointType: 1 })).clusterAuthorizedOperations;
    };
    expect(await operations("alice", "a")).toBe((1 << 7) | (1 << 8));
    expect(await operations("bob", "b")).toBe(0);
  });

  it("a broker is not a controller endpoint (KIP-919)", async () => {
    cluster = await createCluster({ brokers: 1 });
    const c = await client(1);
    const controllers = await c.request(ApiKey.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 2 });
    expect(controllers).toMatchObject({ errorCode: ErrorCode.MISMATCHED_ENDPOINT_TYPE, brokers: [], controllerId: -1 });
    expect(controllers.errorMessage).toBe("The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type CONTROLLER");
    const unknown = await c.request(ApiKey.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 9 });
    expect(unknown).toMatchObject({ errorCode: ErrorCode.UNSUPPORTED_ENDPOINT_TYPE, errorMessage: "Unsupported endpoint type 9" });
  });

  it("refuses a first node id that is not a whole number from 0", async () => {
    await expect(createCluster({ firstNodeId: -1 })).rejects.toThrow("firstNodeId must be a whole number from 0 to 1000000 (got -1)");
  });
});
