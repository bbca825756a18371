// Where Produce follows Kafka's rules beyond the batch itself: transactional
// writes must belong to an open transaction (KIP-890 verification), topics
// are created by Metadata only, names that collide on '.' and '_' are
// refused, and a failed acks=0 request closes its connection.
import { describe, expect, it } from "vitest";
import { encodeRecordBatch, ErrorCode } from "../protocol";
import { waitFor } from "../test-support/kafka";
import { addPartition, clientOf, coordinatorOf, coreClusterForThisFile, endTxn, initProducer, produceOne, txnBatch, values } from "../test-support/produce-requests";

const env = coreClusterForThisFile({ brokers: 2 });

/** A one-partition topic led by broker 1. */
function topicOnBroker1(name: string): string {
  env.cluster.state.createTopic(name, [[1]]);
  return name;
}

const logOf = (topic: string) => env.cluster.state.partition(topic, 0)!.log;
const lso = (topic: string) => logOf(topic).producers.lastStableOffset(logOf(topic).highWatermark);

describe("transactional Produce", () => {
  it("refuses transactional records without a transactional id (TRANSACTIONAL_ID_AUTHORIZATION_FAILED)", async () => {
    const topic = topicOnBroker1("txn-no-id");
    const p = await initProducer(env.client);
    const answer = await produceOne(env.client, topic, 0, txnBatch(p));
    expect(answer.errorCode).toBe(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    expect(logOf(topic).highWatermark).toBe(0n);
  });

  it("refuses a write to a partition the producer never added to its transaction, so the last stable offset cannot stick", async () => {
    const topic = topicOnBroker1("txn-not-added");
    await produceOne(env.client, topic, 0, encodeRecordBatch(values("before")));
    const p = await initProducer(await coordinatorOf(env.cluster, "tx-not-added"), "tx-not-added");
    const answer = await produceOne(env.client, topic, 0, txnBatch(p), { transactionalId: "tx-not-added" });
    expect(answer.errorCode).toBe(ErrorCode.INVALID_TXN_STATE);
    expect(answer.errorMessage).toMatch(/not added/);
    expect(logOf(topic).highWatermark).toBe(1n);
    expect(lso(topic)).toBe(1n);
  });

  it("refuses a producer id the transactional id does not have (INVALID_PRODUCER_ID_MAPPING) and a stale epoch", async () => {
    const topic = topicOnBroker1("txn-mapping");
    const p = await initProducer(await coordinatorOf(env.cluster, "tx-mapping"), "tx-mapping");
    expect(await addPartition(env.cluster, "tx-mapping", p, topic)).toBe(ErrorCode.NONE);
    const wrongId = await produceOne(env.client, topic, 0, txnBatch({ ...p, producerId: p.producerId + 1000n }), { transactionalId: "tx-mapping" });
    expect(wrongId.errorCode).toBe(ErrorCode.INVALID_PRODUCER_ID_MAPPING);
    const unknownId = await produceOne(env.client, topic, 0, txnBatch(p), { transactionalId: "never-initialised" });
    expect(unknownId.errorCode).toBe(ErrorCode.INVALID_PRODUCER_ID_MAPPING);
    const stale = await produceOne(env.client, topic, 0, txnBatch({ ...p, producerEpoch: p.producerEpoch - 1 }), { transactionalId: "tx-mapping" });
    expect(stale.errorCode).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
    expect(logOf(topic).highWatermark).toBe(0n);
  });

  it("takes the write once the partition is added; the commit marker then releases the last stable offset", async () => {
    const topic = topicOnBroker1("txn-added");
    const p = await initProducer(await coordinatorOf(env.cluster, "tx-added"), "tx-added");
    expect(await addPartition(env.cluster, "tx-added", p, topic)).toBe(ErrorCode.NONE);
    expect((await produceOne(env.client, topic, 0, txnBatch(p), { transactionalId: "tx-added" })).errorCode).toBe(ErrorCode.NONE);
    expect(lso(topic)).toBe(0n);
    expect(await endTxn(env.cluster, "tx-added", p, true)).toBe(ErrorCode.NONE);
    expect(lso(topic)).toBe(2n);
  });

  it("keeps retrying a marker whose partition has no live leader, and writes it once the broker is back", async () => {
    env.cluster.state.createTopic("txn-leaderless", [[2]]);
    const leader = await clientOf(env.cluster, 2);
    const p = await initProducer(await coordinatorOf(env.cluster, "tx-leaderless"), "tx-leaderless");
    expect(await addPartition(env.cluster, "tx-leaderless", p, "txn-leaderless")).toBe(ErrorCode.NONE);
    expect((await produceOne(leader, "txn-leaderless", 0, txnBatch(p), { transactionalId: "tx-leaderless" })).errorCode).toBe(ErrorCode.NONE);
    await env.cluster.stopBroker(2);
    expect(await endTxn(env.cluster, "tx-leaderless", p, true)).toBe(ErrorCode.NONE);
    await new Promise((r) => setTimeout(r, 300));
    expect(env.cluster.coordination.txns.describe("tx-leaderless")?.state).toBe("PrepareCommit");
    expect(lso("txn-leaderless")).toBe(0n);
    await env.cluster.startBroker(2);
    await waitFor(() => env.cluster.coordination.txns.describe("tx-leaderless")?.state === "CompleteCommit", "the commit to complete", 5_000);
    expect(lso("txn-leaderless")).toBe(2n);
    expect(env.cluster.records("txn-leaderless", 0).map((r) => r.isControl)).toEqual([false, true]);
  });
});

describe("topics and Produce", () => {
  it("answers UNKNOWN_TOPIC_OR_PARTITION for a topic that does not exist and creates nothing (Metadata creates topics)", async () => {
    const answer = await produceOne(env.client, "never-made", 0, encodeRecordBatch(values("x")));
    expect(answer.errorCode).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    expect(env.cluster.state.topics.has("never-made")).toBe(false);
    const meta = await env.client.request(3, 6, { topics: [{ name: "never-made" }], allowAutoTopicCreation: true });
    expect(meta.topics[0].errorCode).toBe(ErrorCode.NONE);
    expect(env.cluster.state.topics.has("never-made")).toBe(true);
  });

  it("refuses a topic whose name collides with an existing one on '.' versus '_' (INVALID_TOPIC_EXCEPTION)", async () => {
    topicOnBroker1("orders.eu");
    const created = await env.client.request(19, 3, { topics: [{ name: "orders_eu", numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: false });
    expect(created.topics[0].errorCode).toBe(ErrorCode.INVALID_TOPIC_EXCEPTION);
    expect(created.topics[0].errorMessage).toMatch(/collides with.*orders\.eu/);
    const meta = await env.client.request(3, 6, { topics: [{ name: "orders_eu" }], allowAutoTopicCreation: true });
    expect(meta.topics[0].errorCode).toBe(ErrorCode.INVALID_TOPIC_EXCEPTION);
    expect(env.cluster.state.topics.has("orders_eu")).toBe(false);
  });
});

describe("Produce with acks=0", () => {
  it("closes the connection when a partition fails (the client's only signal), and keeps it open when all succeed", async () => {
    const topic = topicOnBroker1("fire-and-forget");
    const fine = await clientOf(env.cluster, 1);
    fine.send(0, 7, { transactionalId: null, acks: 0, timeoutMs: 1000, topicData: [{ name: topic, partitionData: [{ index: 0, records: encodeRecordBatch(values("ok")) }] }] });
    await waitFor(() => logOf(topic).highWatermark === 1n, "the acks=0 record");
    expect((await fine.request(18, 0, {})).errorCode).toBe(ErrorCode.NONE);
    expect(fine.closed).toBe(false);

    for (const [name, records] of [["unknown-topic-for-acks0", encodeRecordBatch(values("x"))], [topic, Buffer.from("not a batch at all, not even close")]] as const) {
      const failing = await clientOf(env.cluster, 1);
      failing.send(0, 7, { transactionalId: null, acks: 0, timeoutMs: 1000, topicData: [{ name, partitionData: [{ index: 0, records }] }] });
      await waitFor(() => failing.closed, `the connection to close after an acks=0 failure on ${name}`, 5_000);
    }
    expect(logOf(topic).highWatermark).toBe(1n);
  });
});
