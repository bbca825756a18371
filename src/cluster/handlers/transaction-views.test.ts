// The teaching views of KIP-664 over the wire: DescribeProducers reads a
// partition's producer state, DescribeTransactions and ListTransactions the
// transaction coordinator's — with Kafka's state names, filters and errors.
// The coordinators' clock is a ManualClock, so start times are exact.
import { describe, expect, it } from "vitest";
import { ManualClock } from "../coordination/clock";
import { encodeRecordBatch, ErrorCode } from "../protocol";
import { addPartition, clientOf, coordinatorOf, coreClusterForThisFile, endTxn, initProducer, produceOne, txnBatch } from "../test-support/produce-requests";

const clock = new ManualClock(1_700_000_000_000);
const env = coreClusterForThisFile({ brokers: 3, clock });

const producersOf = async (nodeId: number, topic: string, partitionIndex = 0) => {
  const client = await clientOf(env.cluster, nodeId);
  const response = await client.request(61, 0, { topics: [{ name: topic, partitionIndexes: [partitionIndex] }] });
  client.close();
  return response.topics[0].partitions[0];
};
const describeTxn = async (transactionalId: string, nodeId = env.cluster.coordination.coordinatorFor(transactionalId, "transaction")!) => {
  const client = await clientOf(env.cluster, nodeId);
  const response = await client.request(65, 0, { transactionalIds: [transactionalId] });
  client.close();
  return response.transactionStates[0];
};
const listTxns = async (nodeId: number, filters: { stateFilters?: string[]; producerIdFilters?: bigint[]; durationFilter?: bigint } = {}, version = 1) => {
  const client = await clientOf(env.cluster, nodeId);
  const response = await client.request(66, version, { stateFilters: [], producerIdFilters: [], durationFilter: -1n, ...filters });
  client.close();
  return response;
};

describe("DescribeProducers, DescribeTransactions, ListTransactions", () => {
  it("follow an idempotent and a transactional producer through a transaction", async () => {
    env.cluster.state.createTopic("views", [[1, 2]]);
    const leader = await clientOf(env.cluster, 1);
    const idempotent = await initProducer(leader);
    const batch = encodeRecordBatch({ records: [{ value: "a", timestamp: 5 }, { value: "b", timestamp: 9 }, { value: "c", timestamp: 7 }], ...idempotent, baseSequence: 0 });
    expect((await produceOne(leader, "views", 0, batch)).errorCode).toBe(ErrorCode.NONE);
    const plain = { producerId: idempotent.producerId, producerEpoch: 0, lastSequence: 2, lastTimestamp: 9n, coordinatorEpoch: -1, currentTxnStartOffset: -1n };
    expect(await producersOf(1, "views")).toEqual({ partitionIndex: 0, errorCode: 0, errorMessage: null, activeProducers: [plain] });

    const id = "views-tx";
    const coordinator = env.cluster.coordination.coordinatorFor(id, "transaction")!;
    const txn = await initProducer(await coordinatorOf(env.cluster, id), id);
    expect(await describeTxn(id)).toEqual({
      errorCode: 0, transactionalId: id, transactionState: "Empty", transactionTimeoutMs: 60_000, transactionStartTimeMs: -1n,
      producerId: txn.producerId, producerEpoch: txn.producerEpoch, topics: [],
    });
    expect(await addPartition(env.cluster, id, txn, "views")).toBe(ErrorCode.NONE);
    const startedAt = clock.now();
    expect((await produceOne(leader, "views", 0, txnBatch(txn, 0, "in-txn", 11), { transactionalId: id })).errorCode).toBe(ErrorCode.NONE);
    expect(await describeTxn(id)).toMatchObject({ transactionState: "Ongoing", transactionStartTimeMs: BigInt(startedAt), topics: [{ topic: "views", partitions: [0] }] });
    const inTxn = { producerId: txn.producerId, producerEpoch: txn.producerEpoch, lastSequence: 0, lastTimestamp: 11n, coordinatorEpoch: -1, currentTxnStartOffset: 3n };
    expect((await producersOf(2, "views")).activeProducers).toEqual([plain, inTxn]); // a follower answers from its replica

    const ours = (r: { transactionStates: { transactionalId: string }[] }) => r.transactionStates.filter((t) => t.transactionalId === id);
    expect(ours(await listTxns(coordinator))).toEqual([{ transactionalId: id, producerId: txn.producerId, transactionState: "Ongoing" }]);
    expect(ours(await listTxns((coordinator % 3) + 1))).toEqual([]); // each broker lists the ids it coordinates
    expect(ours(await listTxns(coordinator, { stateFilters: ["Ongoing"] }))).toHaveLength(1);
    const unknown = await listTxns(coordinator, { stateFilters: ["CompleteCommit", "Running"] });
    expect([ours(unknown), unknown.unknownStateFilters]).toEqual([[], ["Running"]]);
    expect(ours(await listTxns(coordinator, { producerIdFilters: [idempotent.producerId] }))).toEqual([]);
    clock.advance(5_000);
    expect(ours(await listTxns(coordinator, { durationFilter: 10_000n }))).toEqual([]);
    expect(ours(await listTxns(coordinator, { durationFilter: 1_000n }))).toHaveLength(1);
    expect(ours(await listTxns(coordinator, { durationFilter: 10_000n }, 0))).toHaveLength(1); // v0 has no duration filter

    expect(await endTxn(env.cluster, id, txn, true)).toBe(ErrorCode.NONE); // the marker's timestamp is the coordinators' clock
    expect(await describeTxn(id)).toMatchObject({ transactionState: "CompleteCommit", transactionStartTimeMs: BigInt(startedAt), topics: [] });
    expect((await producersOf(1, "views")).activeProducers[1]).toEqual({ ...inTxn, lastTimestamp: BigInt(clock.now()), coordinatorEpoch: 0, currentTxnStartOffset: -1n });
  });

  it("answer Kafka's errors", async () => {
    env.cluster.state.createTopic("views-errors", [[1]]);
    expect(await producersOf(3, "views-errors")).toMatchObject({ errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER, activeProducers: [] });
    expect(await producersOf(1, "views-errors", 4)).toMatchObject({ errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION });
    expect(await describeTxn("never-initialized")).toMatchObject({ errorCode: ErrorCode.TRANSACTIONAL_ID_NOT_FOUND, transactionalId: "never-initialized" });
    const elsewhere = (env.cluster.coordination.coordinatorFor("never-initialized", "transaction")! % 3) + 1;
    expect((await describeTxn("never-initialized", elsewhere)).errorCode).toBe(ErrorCode.NOT_COORDINATOR);
    expect((await describeTxn("", 1)).errorCode).toBe(ErrorCode.INVALID_REQUEST);
  });
});
