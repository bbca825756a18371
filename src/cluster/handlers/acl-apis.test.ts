// CreateAcls, DescribeAcls and DeleteAcls at the request level: Kafka's
// answers for good and bad bindings and filters, each version's pattern
// types, and ACLs that survive a restart with --data-dir.
import { afterEach, describe, expect, it } from "vitest";
import { openRequestClient, type RequestClient } from "../client/request-client";
import { createCluster, type ClusterCore } from "../core";
import { ApiKey, ErrorCode } from "../protocol";
import { fileStorage } from "../storage/file-storage";
import { tempDirs } from "../test-support/temp-dir";

const clusters: ClusterCore[] = [];
afterEach(async () => {
  for (const c of clusters.splice(0)) await c.stop();
});
const tempDir = tempDirs("acls-");

async function connected(options: Parameters<typeof createCluster>[0] = {}): Promise<{ cluster: ClusterCore; client: RequestClient }> {
  const cluster = await createCluster({ brokers: 1, ...options });
  clusters.push(cluster);
  const b = cluster.brokers[0];
  return { cluster, client: await openRequestClient(cluster.connect(b.host, b.port)) };
}

const creation = (over: object = {}) => ({ resourceType: 2, resourceName: "orders", resourcePatternType: 3, principal: "User:alice", host: "*", operation: 4, permissionType: 3, ...over });
const filter = (over: object = {}) => ({ resourceTypeFilter: 1, resourceNameFilter: null, patternTypeFilter: 1, principalFilter: null, hostFilter: null, operation: 1, permissionType: 1, ...over });

describe("the ACL APIs", () => {
  it("create ACLs one by one: Kafka's INVALID_REQUEST for a binding it refuses, one copy of a duplicate", async () => {
    const { client, cluster } = await connected();
    const created = await client.request(ApiKey.CreateAcls, 3, { creations: [
      creation(), creation(), creation({ resourceName: "" }), creation({ resourceType: 4, resourceName: "c" }),
      creation({ resourcePatternType: 2 }), creation({ operation: 1 }), creation({ resourceType: 7, resourceName: "User:bob", operation: 13 }),
    ] });
    expect(created.results).toEqual([
      { errorCode: 0, errorMessage: null }, { errorCode: 0, errorMessage: null },
      { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: "Invalid empty resource name" },
      { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: "The only valid name for the CLUSTER resource is kafka-cluster" },
      { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: "Invalid patternType MATCH" },
      { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: "Invalid operation ANY" },
      { errorCode: 0, errorMessage: null },
    ]);
    expect(cluster.state.acls.all().map((a) => a.resourceName)).toEqual(["orders", "User:bob"]);
  });

  it("describe by filter, grouped by resource pattern; v0 sees LITERAL patterns only", async () => {
    const { client } = await connected();
    await client.request(ApiKey.CreateAcls, 1, { creations: [
      creation(), creation({ principal: "User:bob", operation: 3 }), creation({ resourceName: "ord", resourcePatternType: 4 }), creation({ resourceType: 3, resourceName: "g" }),
    ] });
    const match = await client.request(ApiKey.DescribeAcls, 2, filter({ resourceTypeFilter: 2, resourceNameFilter: "orders", patternTypeFilter: 2 }));
    expect(match).toMatchObject({ errorCode: 0, errorMessage: null });
    expect(match.resources).toEqual([
      { resourceType: 2, resourceName: "orders", patternType: 3, acls: [{ principal: "User:alice", host: "*", operation: 4, permissionType: 3 }, { principal: "User:bob", host: "*", operation: 3, permissionType: 3 }] },
      { resourceType: 2, resourceName: "ord", patternType: 4, acls: [{ principal: "User:alice", host: "*", operation: 4, permissionType: 3 }] },
    ]);
    const bob = await client.request(ApiKey.DescribeAcls, 3, filter({ principalFilter: "User:bob" }));
    expect(bob.resources.map((r: { acls: unknown[] }) => r.acls.length)).toEqual([1]);
    const v0 = await client.request(ApiKey.DescribeAcls, 0, filter());
    expect(v0.resources.map((r: { resourceName: string }) => r.resourceName)).toEqual(["orders", "g"]);
    const unknownCode = await client.request(ApiKey.DescribeAcls, 1, filter({ resourceTypeFilter: 42 }));
    expect(unknownCode).toMatchObject({ errorCode: 0, resources: [] });
  });

  it("delete what each filter matches; an unknown filter is INVALID_REQUEST and deletes nothing", async () => {
    const { client, cluster } = await connected();
    await client.request(ApiKey.CreateAcls, 1, { creations: [creation(), creation({ principal: "User:bob" }), creation({ resourceType: 3, resourceName: "g", principal: "User:bob" })] });
    const deleted = await client.request(ApiKey.DeleteAcls, 1, { filters: [filter({ resourceTypeFilter: 2, principalFilter: "User:bob" }), filter({ operation: 77 })] });
    expect(deleted.filterResults).toEqual([
      { errorCode: 0, errorMessage: null, matchingAcls: [{ errorCode: 0, errorMessage: null, resourceType: 2, resourceName: "orders", patternType: 3, principal: "User:bob", host: "*", operation: 4, permissionType: 3 }] },
      { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: "Unknown entryFilter.", matchingAcls: [] },
    ]);
    expect(cluster.state.acls.all().map((a) => `${a.resourceName}:${a.principal}`)).toEqual(["orders:User:alice", "g:User:bob"]);
  });

  it("close the connection on a request Kafka cannot parse: a 0 (UNKNOWN) code", async () => {
    for (const [apiKey, version, body] of [
      [ApiKey.CreateAcls, 1, { creations: [creation({ permissionType: 0 })] }],
      [ApiKey.DescribeAcls, 1, filter({ resourceTypeFilter: 0 })],
      [ApiKey.DeleteAcls, 1, { filters: [filter({ patternTypeFilter: 0 })] }],
    ] as const) {
      const { client, cluster } = await connected();
      await expect(client.request(apiKey, version, body)).rejects.toThrow("closed");
      expect(cluster.state.acls.all()).toEqual([]);
    }
  });

  it("survive a restart with --data-dir", async () => {
    const dir = tempDir();
    const first = await connected({ storage: fileStorage(dir) });
    await first.client.request(ApiKey.CreateAcls, 3, { creations: [creation(), creation({ resourceName: "ord", resourcePatternType: 4, permissionType: 2 })] });
    await first.client.request(ApiKey.DeleteAcls, 3, { filters: [filter({ patternTypeFilter: 4 })] });
    await first.client.request(ApiKey.CreateAcls, 3, { creations: [creation({ resourceType: 3, resourceName: "g", operation: 3 })] });
    await first.cluster.stop();
    clusters.splice(clusters.indexOf(first.cluster), 1);
    const second = await connected({ storage: fileStorage(dir) });
    const all = await second.client.request(ApiKey.DescribeAcls, 3, filter());
    expect(all.resources.map((r: { resourceType: number; resourceName: string }) => `${r.resourceType}/${r.resourceName}`)).toEqual(["2/orders", "3/g"]);
  });
});
