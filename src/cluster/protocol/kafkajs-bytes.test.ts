// Real client bytes: kafkajs 2.2's own request encoders and response decoders
// against our schema-driven codec.
import { describe, expect, it } from "vitest";
import { decodeRecords, encodeRecordBatch, splitBatches } from "./records";
import { decodeRequest, encodeResponse } from "./messages";
import { kafkajsProtocol, kafkajsRequestFrame, Long } from "../test-support/kafkajs-protocol";

const kafkajs = kafkajsProtocol;
const kafkajsFrame = async (request: unknown) => (await kafkajsRequestFrame(request, 11)).subarray(4);

describe("kafkajs 2.2 request bytes decode as Kafka's fields", () => {
  it("Produce v7 with a keyed record batch", async () => {
    const produce = kafkajs("requests/produce/v7/request");
    const frame = await kafkajsFrame(produce({
      acks: -1,
      timeout: 30000,
      transactionalId: null,
      producerId: Long.fromInt(-1),
      producerEpoch: 0,
      topicData: [{ topic: "orders", partitions: [{ partition: 2, firstSequence: 0, messages: [
        { key: "user1", value: "message1", timestamp: 1700000000000, headers: { source: "test" } },
        { key: "user1", value: "message3", timestamp: 1700000000001 },
      ] }] }],
    }));
    const { header, body } = decodeRequest(frame);
    expect(header).toEqual({ apiKey: 0, apiVersion: 7, correlationId: 11, clientId: "kafkajs-test" });
    expect(body).toMatchObject({ transactionalId: null, acks: -1, timeoutMs: 30000 });
    const data = (body as any).topicData[0];
    expect(data.name).toBe("orders");
    expect(data.partitionData[0].index).toBe(2);
    const [batch] = splitBatches(data.partitionData[0].records);
    expect(batch.header).toMatchObject({ magic: 2, recordCount: 2, lastOffsetDelta: 1, baseTimestamp: 1700000000000n });
    const records = decodeRecords(batch.bytes);
    expect(records.map((r) => [r.key?.toString(), r.value?.toString(), r.offset])).toEqual([["user1", "message1", 0n], ["user1", "message3", 1n]]);
    expect(records[0].headers).toEqual([{ key: "source", value: Buffer.from("test") }]);
  });

  it("Fetch v11 with read_committed and a rack id", async () => {
    const fetch = kafkajs("requests/fetch/v11/request");
    const frame = await kafkajsFrame(fetch({
      replicaId: -1, maxWaitTime: 500, minBytes: 1, maxBytes: 10485760, isolationLevel: 1, rackId: "r1",
      topics: [{ topic: "orders", partitions: [{ partition: 0, fetchOffset: "42", maxBytes: 1048576 }] }],
    }));
    const { body } = decodeRequest(frame);
    expect(body).toMatchObject({
      replicaId: -1, maxWaitMs: 500, minBytes: 1, maxBytes: 10485760, isolationLevel: 1, sessionId: 0, sessionEpoch: -1, rackId: "r1",
      topics: [{ topic: "orders", partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: 42n, logStartOffset: -1n, partitionMaxBytes: 1048576 }] }],
      forgottenTopicsData: [],
    });
  });

  it("Metadata v6, JoinGroup v5 and OffsetCommit v5", async () => {
    const meta = decodeRequest(await kafkajsFrame(kafkajs("requests/metadata/v6/request")({ topics: ["a", "b"], allowAutoTopicCreation: false })));
    expect(meta.body).toEqual({ topics: [{ name: "a", topicId: Buffer.alloc(16) }, { name: "b", topicId: Buffer.alloc(16) }], allowAutoTopicCreation: false, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false });

    const join = decodeRequest(await kafkajsFrame(kafkajs("requests/joinGroup/v5/request")({
      groupId: "g", sessionTimeout: 30000, rebalanceTimeout: 60000, memberId: "", protocolType: "consumer",
      groupProtocols: [{ name: "RoundRobinAssigner", metadata: Buffer.from([0, 1, 2]) }],
    })));
    expect(join.body).toMatchObject({ groupId: "g", sessionTimeoutMs: 30000, rebalanceTimeoutMs: 60000, memberId: "", groupInstanceId: null, protocolType: "consumer" });
    expect((join.body as any).protocols).toEqual([{ name: "RoundRobinAssigner", metadata: Buffer.from([0, 1, 2]) }]);

    const commit = decodeRequest(await kafkajsFrame(kafkajs("requests/offsetCommit/v5/request")({
      groupId: "g", groupGenerationId: 3, memberId: "m-1", topics: [{ topic: "t", partitions: [{ partition: 1, offset: "17" }] }],
    })));
    expect(commit.body).toMatchObject({ groupId: "g", generationId: 3, memberId: "m-1", topics: [{ name: "t", partitions: [{ partitionIndex: 1, committedOffset: 17n, committedMetadata: null }] }] });
  });
});

describe("our response bytes decode in kafkajs 2.2", () => {
  const payload = (frame: Buffer) => frame.subarray(8); // size prefix + correlation id

  it("Fetch v11 with records and aborted transactions", async () => {
    const batch = encodeRecordBatch({ baseOffset: 5n, records: [{ key: "k", value: "v", timestamp: 1700000000000 }] });
    const frame = encodeResponse({ apiKey: 1, apiVersion: 11, correlationId: 1, clientId: null }, {
      throttleTimeMs: 0, errorCode: 0, sessionId: 0,
      responses: [{ topic: "t", partitions: [{ partitionIndex: 0, errorCode: 0, highWatermark: 6n, lastStableOffset: 6n, logStartOffset: 0n, abortedTransactions: [{ producerId: 9n, firstOffset: 2n }], records: batch }] }],
    });
    const response = kafkajs("requests/fetch/v11/response");
    const decoded = await response.parse(await response.decode(payload(frame)));
    const partition = decoded.responses[0].partitions[0];
    expect(partition.highWatermark).toBe("6");
    expect(partition.abortedTransactions).toEqual([{ producerId: "9", firstOffset: "2" }]);
    expect(partition.messages.map((m: any) => [m.offset, m.key.toString(), m.value.toString()])).toEqual([["5", "k", "v"]]);
  });

  it("Produce v7 and Metadata v6", async () => {
    const produce = kafkajs("requests/produce/v7/response");
    const p = await produce.decode(payload(encodeResponse({ apiKey: 0, apiVersion: 7, correlationId: 1, clientId: null }, {
      responses: [{ name: "t", partitionResponses: [{ index: 3, errorCode: 0, baseOffset: 41n, logStartOffset: 0n }] }],
    })));
    expect(p.topics[0].partitions[0]).toMatchObject({ partition: 3, errorCode: 0, baseOffset: "41" });

    const metadata = kafkajs("requests/metadata/v6/response");
    const m = await metadata.decode(payload(encodeResponse({ apiKey: 3, apiVersion: 6, correlationId: 1, clientId: null }, {
      brokers: [{ nodeId: 1, host: "127.0.0.1", port: 9093 }], clusterId: "c", controllerId: 1,
      topics: [{ errorCode: 0, name: "t", partitions: [{ errorCode: 0, partitionIndex: 0, leaderId: 1, replicaNodes: [1], isrNodes: [1] }] }],
    })));
    expect(m.brokers).toEqual([{ nodeId: 1, host: "127.0.0.1", port: 9093, rack: null }]);
    expect(m.topicMetadata[0].partitionMetadata[0]).toMatchObject({ partitionId: 0, leader: 1, replicas: [1], isr: [1], offlineReplicas: [] });
  });
});
