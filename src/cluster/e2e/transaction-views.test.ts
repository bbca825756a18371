// What `kafka-transactions.sh` shows, for transactions real clients run:
// kafkajs 2.2.4 and librdkafka (confluent-kafka) produce transactionally, and
// DescribeTransactions, ListTransactions and DescribeProducers — which neither
// installed client sends — report their state as Kafka would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "..";
import { python } from "../test-support/external";
import { client } from "../test-support/kafka";
import { rawRequest } from "../test-support/raw-request";

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ brokers: 3 });
});
afterAll(async () => cluster?.stop());

const coordinatorOf = (id: string) => cluster.coordination.coordinatorFor(id, "transaction")!;
const describeTxn = async (id: string) => (await rawRequest(cluster, coordinatorOf(id), 65, 0, { transactionalIds: [id] })).transactionStates[0];
const producersOf = async (topic: string) => {
  const leader = cluster.state.partition(topic, 0)!.leader;
  return (await rawRequest(cluster, leader, 61, 0, { topics: [{ name: topic, partitionIndexes: [0] }] })).topics[0].partitions[0].activeProducers;
};

describe("transaction views of real clients' transactions", () => {
  it("shows a kafkajs transaction Ongoing with its partitions, then CompleteCommit", async () => {
    const kafka = client(cluster.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "views-kafkajs", numPartitions: 1 }] });
    await admin.disconnect();
    const producer = kafka.producer({ transactionalId: "views-kafkajs-tx", idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const txn = await producer.transaction();
    await txn.send({ topic: "views-kafkajs", messages: [{ value: "one" }, { value: "two" }] });

    const ongoing = await describeTxn("views-kafkajs-tx");
    expect(ongoing).toMatchObject({ errorCode: 0, transactionState: "Ongoing", topics: [{ topic: "views-kafkajs", partitions: [0] }] });
    const listed = await rawRequest(cluster, coordinatorOf("views-kafkajs-tx"), 66, 1, { stateFilters: ["Ongoing"], producerIdFilters: [], durationFilter: -1n });
    expect(listed.transactionStates).toContainEqual({ transactionalId: "views-kafkajs-tx", producerId: ongoing.producerId, transactionState: "Ongoing" });
    expect(await producersOf("views-kafkajs")).toEqual([expect.objectContaining({ producerId: ongoing.producerId, lastSequence: 1, currentTxnStartOffset: 0n })]);

    await txn.commit();
    await producer.disconnect();
    expect(await describeTxn("views-kafkajs-tx")).toMatchObject({ transactionState: "CompleteCommit", topics: [] });
    expect(await producersOf("views-kafkajs")).toEqual([expect.objectContaining({ producerId: ongoing.producerId, currentTxnStartOffset: -1n, coordinatorEpoch: 0 })]);
  });

  it("shows librdkafka's aborted transaction and its producer's sequence", async () => {
    cluster.state.createTopic("views-rdkafka", [[1, 2]]);
    await python(`
import sys
from confluent_kafka import Producer
p = Producer({'bootstrap.servers': sys.argv[1], 'transactional.id': 'views-rd-tx'})
p.init_transactions(10)
p.begin_transaction()
for v in ['a', 'b', 'c']:
    p.produce('views-rdkafka', v.encode(), partition=0)
p.flush(10)
p.abort_transaction(10)
`, [cluster.bootstrap]);
    const state = await describeTxn("views-rd-tx");
    expect(state).toMatchObject({ errorCode: 0, transactionState: "CompleteAbort", transactionTimeoutMs: 60_000, topics: [] });
    const [producer] = await producersOf("views-rdkafka");
    // Sequences count records, however librdkafka batched the three: the last one is 2.
    expect(producer).toMatchObject({ producerId: state.producerId, producerEpoch: state.producerEpoch, lastSequence: 2, currentTxnStartOffset: -1n, coordinatorEpoch: 0 });
  });
});
