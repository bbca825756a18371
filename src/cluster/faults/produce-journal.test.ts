// The produce journal: pure bookkeeping on hand-made requests, then the
// report over the control endpoint for kafkajs's idempotent producer with
// concurrent sends and one dropped answer (kafkajs issue #1005), the case
// notebook 06 teaches.
import { Partitioners } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectFaultControl, startCluster, type Cluster } from "..";
import { encodeRecordBatch, type ProduceRequest, type ProduceResponse } from "../protocol";
import { client } from "../test-support/kafka";
import { ProduceJournal } from "./produce-journal";

const request = (values: string[], batch: { producerId?: bigint; baseSequence?: number } = {}): ProduceRequest => ({
  transactionalId: null,
  acks: -1,
  timeoutMs: 1000,
  topicData: [{ name: "t", partitionData: [{ index: 0, records: encodeRecordBatch({ producerEpoch: 0, ...batch, records: values.map((value) => ({ value })) }) }] }],
});
const answer = (errorCode: number, baseOffset: bigint): ProduceResponse => ({ responses: [{ name: "t", partitionResponses: [{ index: 0, errorCode, baseOffset }] }], throttleTimeMs: 0 });

describe("ProduceJournal", () => {
  it("records producer fields and tells appended, duplicate, refused and unanswered batches apart", () => {
    const journal = new ProduceJournal();
    journal.observe({ brokerId: 1, body: request(["a", "b"], { producerId: 7n, baseSequence: 0 }), response: answer(0, 0n), decision: { kind: "drop-response" } });
    journal.observe({ brokerId: 1, body: request(["a", "b"], { producerId: 7n, baseSequence: 0 }), response: answer(0, 0n), decision: undefined });
    journal.observe({ brokerId: 2, body: request(["c"], { producerId: 7n, baseSequence: 5 }), response: answer(45, -1n), decision: undefined });
    journal.observe({ brokerId: 1, body: request(["d"]), response: answer(6, -1n), decision: { kind: "error", errorCode: 6 } });
    journal.observe({ brokerId: 1, body: request(["e"]), response: answer(0, 2n), decision: undefined });
    journal.observe({ brokerId: 1, body: { ...request(["f"]), acks: 0 }, response: undefined, decision: undefined });
    const rows = journal.batches("t", 0).map(({ at, ...r }) => r);
    expect(rows).toEqual([
      { n: 1, broker: 1, producerId: 7, producerEpoch: 0, baseSequence: 0, records: 2, values: ["a", "b"], error: "NONE", baseOffset: 0, outcome: "appended", answered: false, fault: "drop-response" },
      { n: 2, broker: 1, producerId: 7, producerEpoch: 0, baseSequence: 0, records: 2, values: ["a", "b"], error: "NONE", baseOffset: 0, outcome: "duplicate", answered: true },
      { n: 3, broker: 2, producerId: 7, producerEpoch: 0, baseSequence: 5, records: 1, values: ["c"], error: "OUT_OF_ORDER_SEQUENCE_NUMBER", baseOffset: -1, outcome: "refused", answered: true },
      { n: 4, broker: 1, producerId: -1, producerEpoch: 0, baseSequence: -1, records: 1, values: ["d"], error: "NOT_LEADER_OR_FOLLOWER", baseOffset: -1, outcome: "refused", answered: true, fault: "error" },
      { n: 5, broker: 1, producerId: -1, producerEpoch: 0, baseSequence: -1, records: 1, values: ["e"], error: "NONE", baseOffset: 2, outcome: "appended", answered: true },
      { n: 6, broker: 1, producerId: -1, producerEpoch: 0, baseSequence: -1, records: 1, values: ["f"], error: "(none)", baseOffset: -1, outcome: "unknown", answered: false },
    ]);
    expect(journal.batches("t", 1)).toEqual([]);
    expect(journal.batches("other", 0)).toEqual([]);
  });

  it("keeps the last 1000 batches of a partition and survives bytes it cannot read", () => {
    const journal = new ProduceJournal();
    for (let i = 0; i < 1005; i++) journal.observe({ brokerId: 1, body: request([`v${i}`]), response: answer(0, BigInt(i)), decision: undefined });
    const kept = journal.batches("t", 0);
    expect(kept).toHaveLength(1000);
    expect(kept[0].values).toEqual(["v5"]);
    const garbage: ProduceRequest = { ...request(["x"]), topicData: [{ name: "t", partitionData: [{ index: 3, records: Buffer.from("not a batch") }] }] };
    journal.observe({ brokerId: 1, body: garbage, response: undefined, decision: undefined });
    expect(journal.batches("t", 3)[0]).toMatchObject({ records: 0, producerId: -1, outcome: "unknown" });
  });
});

describe("the produce log of a running cluster", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ brokers: 3 });
  });
  afterAll(async () => cluster?.stop());

  it("shows kafkajs reusing a sequence number after a lost answer: the next message is taken for a duplicate", async () => {
    const control = connectFaultControl(cluster.controlUrl);
    const kafka = client(cluster.bootstrap, { requestTimeout: 1000, retry: { retries: 5, initialRetryTime: 200 } });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "seq-reuse", numPartitions: 1 }], waitForLeaders: true });
    const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await control.dropNext({ api: "Produce", topic: "seq-reuse" });
    await Promise.all([1, 2, 3, 4, 5].map((i) => producer.send({ topic: "seq-reuse", acks: -1, messages: [{ key: "k", value: `m${i}` }] })));
    await producer.disconnect();
    await admin.disconnect();

    // Which send reaches the broker lock first varies; what follows from the lost answer does not.
    const log = await control.produceLog("seq-reuse", 0);
    const [lost, reused] = log;
    expect([lost, reused].map((b) => ({ baseSequence: b.baseSequence, outcome: b.outcome, answered: b.answered }))).toEqual([
      { baseSequence: 0, outcome: "appended", answered: false },
      { baseSequence: 0, outcome: "duplicate", answered: true },
    ]);
    expect(reused.values).not.toEqual(lost.values);
    expect(new Set(log.map((b) => b.producerId)).size).toBe(1);
    const stored = cluster.records("seq-reuse", 0).map((r) => r.value!.toString());
    expect(stored).toHaveLength(5);
    expect(stored.filter((v) => v === lost.values[0])).toHaveLength(2);
    expect(stored).not.toContain(reused.values[0]);
    await expect(control.produceLog("seq-reuse", Number.NaN)).rejects.toThrow(/partition must be an integer/);
  });
});
