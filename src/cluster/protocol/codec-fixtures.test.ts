// Our codec against bytes it did not write: request frames from kafkajs 2.2's
// encoders and from librdkafka 2.0 (recorded on a loopback listener),
// response frames from kafka-python 2.0's protocol classes
// (fixtures/wire-fixtures.json, made by fixtures/capture.mjs), and the
// flexible versions no installed client sends assembled byte by byte from
// Kafka's message specs (fixtures/spec-frames.ts).
// Each frame must decode, and our encoder must write back exactly its bytes.
import { describe, expect, it } from "vitest";
import { specRequests, specResponses, type Fixture } from "./fixtures/spec-frames";
import fixtures from "./fixtures/wire-fixtures.json";
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse } from "./messages";
import { inRange, parseRange } from "./schema";
import { schemas } from "./schemas";

const requests: Fixture[] = [...fixtures.requests, ...specRequests];
const responses: Fixture[] = [...fixtures.responses, ...specResponses];
const label = (f: Fixture) => `${f.source}: api ${f.apiKey} v${f.apiVersion}`;

describe("frames from other encoders", () => {
  it.each(requests.map((f) => [label(f), f] as const))("request %s decodes and re-encodes to the same bytes", (_label, f) => {
    const frame = Buffer.from(f.frame, "hex");
    const { header, body } = decodeRequest(frame);
    expect(header).toMatchObject({ apiKey: f.apiKey, apiVersion: f.apiVersion });
    expect(encodeRequest(header, body).subarray(4).toString("hex")).toBe(f.frame);
  });

  it.each(responses.map((f) => [label(f), f] as const))("response %s decodes and re-encodes to the same bytes", (_label, f) => {
    const frame = Buffer.from(f.frame, "hex");
    const { correlationId, body } = decodeResponse(f.apiKey, f.apiVersion, frame);
    expect(correlationId).toBe(7);
    expect(encodeResponse({ apiKey: f.apiKey, apiVersion: f.apiVersion, correlationId, clientId: null }, body).subarray(4).toString("hex")).toBe(f.frame);
  });

  it("read as the other encoders meant them", () => {
    const request = (key: number, version: number) => decodeRequest(Buffer.from(requests.find((f) => f.apiKey === key && f.apiVersion === version)!.frame, "hex")).body as any;
    const response = (key: number, version: number) => decodeResponse(key, version, Buffer.from(responses.find((f) => f.apiKey === key && f.apiVersion === version)!.frame, "hex")).body as any;
    expect(request(24, 1)).toEqual({ transactionalId: "tx-1", producerId: 4000n, producerEpoch: 2, topics: [{ name: "orders", partitions: [0, 2] }] });
    expect(request(32, 2).resources).toEqual([{ resourceType: 2, resourceName: "orders", configurationKeys: ["retention.ms"] }, { resourceType: 4, resourceName: "1", configurationKeys: null }]); // kafkajs sends no key list as null: all keys
    expect(request(3, 9)).toMatchObject({ topics: [{ name: "orders" }, { name: "pay" }], allowAutoTopicCreation: true });
    expect(request(18, 3)).toMatchObject({ clientSoftwareName: "librdkafka" });
    for (const version of [0, 1, 2]) expect(request(36, version).authBytes).toEqual(Buffer.from("\0alice\0alice-secret"));
    expect(response(36, 2)).toEqual({ errorCode: 58, errorMessage: "Authentication failed: Invalid username or password", authBytes: Buffer.alloc(0), sessionLifetimeMs: 0n });
    expect(response(1, 11).responses[0].partitions[0]).toMatchObject({ partitionIndex: 0, highWatermark: 6n, abortedTransactions: [{ producerId: 9n, firstOffset: 2n }], records: null });
    expect(response(3, 5).brokers[1]).toEqual({ nodeId: 2, host: "127.0.0.1", port: 9093, rack: "r2" });
    expect(response(3, 9).topics[0].partitions[0]).toMatchObject({ leaderId: 1, leaderEpoch: 5, replicaNodes: [1] });
    expect(response(15, 2).groups[0].members[0]).toMatchObject({ memberId: "m-1", clientHost: "/127.0.0.1" });
    expect(request(21, 1).topics[0].partitions).toEqual([{ partitionIndex: 0, offset: 42n }, { partitionIndex: 2, offset: -1n }]);
    expect(request(33, 1).resources[0]).toEqual({ resourceType: 2, resourceName: "orders", configs: [{ name: "retention.ms", value: "86400000" }] });
    expect(request(44, 1).resources[0].configs[1]).toEqual({ name: "cleanup.policy", configOperation: 2, value: "compact" });
    expect(response(33, 1).responses[1]).toEqual({ errorCode: 40, errorMessage: "Unknown topic config name: x", resourceType: 2, resourceName: "bad" });
    expect(request(45, 0).topics[0].partitions).toEqual([{ partitionIndex: 0, replicas: [3, 2] }, { partitionIndex: 1, replicas: [1] }]);
    expect(request(46, 0).topics).toEqual([{ name: "orders", partitionIndexes: [0, 1] }]);
    expect(response(46, 0).topics[0].partitions[0]).toEqual({ partitionIndex: 0, replicas: [3, 2, 1], addingReplicas: [3], removingReplicas: [1] });
    expect(request(43, 1)).toEqual({ electionType: 0, topicPartitions: [{ topic: "orders", partitions: [0, 1] }], timeoutMs: 5000 });
    expect(response(43, 2).replicaElectionResults[0].partitionResult[1]).toEqual({ partitionId: 1, errorCode: 84, errorMessage: null });
    expect(request(47, 0)).toEqual({ groupId: "rd-group", topics: [{ name: "orders", partitions: [{ partitionIndex: 0 }] }] });
    expect(request(66, 1)).toEqual({ stateFilters: ["Ongoing"], producerIdFilters: [4000n], durationFilter: 10000n });
    expect(response(61, 0).topics[0].partitions[0].activeProducers[0]).toEqual({ producerId: 4000n, producerEpoch: 2, lastSequence: 4, lastTimestamp: 1700000000000n, coordinatorEpoch: 0, currentTxnStartOffset: -1n });
    expect(response(65, 0).transactionStates.map((t: { errorCode: number; transactionState: string }) => [t.errorCode, t.transactionState])).toEqual([[0, "Ongoing"], [105, ""]]);
    expect(response(32, 4).results[0].configs[0]).toMatchObject({ name: "retention.ms", value: "604800000", configSource: 5, configType: 5, documentation: null });
    expect(request(30, 1).creations[1]).toEqual({ resourceType: 3, resourceName: "g", resourcePatternType: 3, principal: "User:bob", host: "127.0.0.1", operation: 3, permissionType: 2 });
    expect(request(30, 0).creations[0]).toMatchObject({ resourceName: "orders", resourcePatternType: 3 }); // v0: LITERAL by default
    expect(request(29, 1)).toEqual({ resourceTypeFilter: 2, resourceNameFilter: "orders", patternTypeFilter: 2, principalFilter: null, hostFilter: null, operation: 1, permissionType: 1 });
    expect(request(31, 1).filters[0]).toMatchObject({ resourceTypeFilter: 1, resourceNameFilter: null, principalFilter: "User:bob" });
    expect(response(29, 1).resources[0]).toEqual({ resourceType: 2, resourceName: "ord", patternType: 4, acls: [{ principal: "User:alice", host: "*", operation: 4, permissionType: 3 }, { principal: "User:*", host: "*", operation: 8, permissionType: 3 }] });
    expect(response(31, 1).filterResults[1]).toEqual({ errorCode: 42, errorMessage: "Unknown patternFilter.", matchingAcls: [] });
    expect(request(60, 1)).toEqual({ includeClusterAuthorizedOperations: true, endpointType: 1 });
    expect(response(60, 1)).toMatchObject({ clusterId: "partition-lab", controllerId: 1, brokers: [{ brokerId: 1, host: "127.0.0.1", port: 9092, rack: null }], clusterAuthorizedOperations: 0x1fa0 });
  });

  it("cover every API, and every API we serve at a flexible version at one of them", () => {
    for (const s of schemas) {
      expect(requests.some((f) => f.apiKey === s.apiKey), `${s.name} request`).toBe(true);
      const { min, max } = parseRange(s.versions);
      const flexible = Array.from({ length: max - min + 1 }, (_, i) => min + i).filter((v) => inRange(v, s.flexible));
      if (flexible.length === 0) continue;
      expect(requests.some((f) => f.apiKey === s.apiKey && flexible.includes(f.apiVersion)), `${s.name} flexible request`).toBe(true);
      expect(responses.some((f) => f.apiKey === s.apiKey && flexible.includes(f.apiVersion)), `${s.name} flexible response`).toBe(true);
    }
  });
});
