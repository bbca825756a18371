// The cluster without a network or a file system: shared state, the group
// and transaction coordination, a fault injector and one broker per node id
// that serves whatever transport it is handed (`accept`). ./cluster.ts adds
// TCP listeners and the HTTP control endpoint for Node; a browser connects
// clients through in-memory pipes (`connect`).
//
// Browser-safe: nothing in this file's import graph imports a Node module
// (core.browser.test.ts bundles it for the browser to prove it). It needs
// these globals: Buffer (a `buffer` polyfill in a browser), crypto.randomUUID,
// setTimeout/clearTimeout and queueMicrotask; with SASL also crypto.subtle,
// crypto.getRandomValues, TextEncoder and TextDecoder.
import { localFaultControl, type ClusterActions, type FaultControl } from "./faults/control";
import { FaultInjector } from "./faults/injector";
import { createCoordination, type Coordination } from "./coordinators";
import { decodeRecords, encodeControlRecord, readBatchHeader, type DecodedRecord } from "./protocol";
import { SaslUsers, type SaslOptions } from "./sasl";
import { Broker } from "./server/broker";
import { createMemoryPipe, refusedConnection, type MemoryClient } from "./server/transport";
import { ClusterState } from "./state/cluster-state";
import type { ClusterStorage } from "./storage/storage";

export type ClusterCoreOptions = {
  /** Number of brokers (default 3). */
  brokers?: number;
  /** The host brokers advertise in Metadata (default "127.0.0.1"). */
  host?: string;
  /** Broker i advertises port + i - 1 (default 9092; in memory these ports are only names). */
  port?: number;
  /** Where topics, logs and coordinator journals survive a restart; in memory when absent. */
  storage?: ClusterStorage;
  /** Kafka's auto.create.topics.enable (default true). */
  autoCreateTopics?: boolean;
  /** Kafka's num.partitions for auto-created topics and CreateTopics with -1 (default 1). */
  numPartitions?: number;
  /** Kafka's default.replication.factor (default 1). */
  defaultReplicationFactor?: number;
  /** Kafka's socket.request.max.bytes: larger frames close the connection (default 100 MiB). */
  maxRequestBytes?: number;
  /** Kafka's max.message.bytes: larger record batches are refused (default 1 MiB + 12). */
  maxMessageBytes?: number;
  /** Where brokers report dropped connections and internal errors (default: silent). */
  log?: (line: string) => void;
  /** Require SASL authentication (PLAIN, SCRAM-SHA-256/512) from these users on every connection. */
  sasl?: SaslOptions;
};

export type TopicSummary = {
  name: string;
  partitions: { partition: number; leader: number; leaderEpoch: number; replicas: number[]; highWatermark: bigint; lastStableOffset: bigint }[];
};

export type ClusterCore = {
  /** "host:p1,host:p2,…", what clients take as bootstrap servers. */
  readonly bootstrap: string;
  readonly brokers: { nodeId: number; host: string; port: number }[];
  readonly controllerId: number;
  /** Fault injection and broker/leader actions. */
  faults: FaultControl;
  /** The rules engine the brokers consult, for synchronous use in tests. */
  injector: FaultInjector;
  state: ClusterState;
  coordination: Coordination;
  /** The broker with this node id (throws for an unknown id). */
  broker(nodeId: number): Broker;
  /** An in-memory connection to the broker advertised at host:port; refused (onError) when none is up there. */
  connect(host: string, port: number): MemoryClient;
  /** Topics with each partition's leader, replicas and offsets. */
  topics(): TopicSummary[];
  /** Every record stored in a partition (control records included), decoded. */
  records(topic: string, partition: number): (DecodedRecord & { isControl: boolean })[];
  stopBroker(nodeId: number): Promise<void>;
  startBroker(nodeId: number): Promise<void>;
  moveLeader(topic: string, partition: number, leader: number): Promise<void>;
  stop(): Promise<void>;
};

const DEFAULT_MAX_REQUEST_BYTES = 100 * 1024 * 1024;
const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024 + 12;

/** Creates a cluster whose brokers serve transports handed to them (no listeners). */
export async function createCluster(options: ClusterCoreOptions = {}): Promise<ClusterCore> {
  const count = options.brokers ?? 3;
  if (!Number.isInteger(count) || count < 1 || count > 32) throw new Error(`brokers must be between 1 and 32 (got ${options.brokers})`);
  const host = options.host ?? "127.0.0.1";
  const basePort = options.port ?? 9092;
  const log = options.log ?? (() => {});
  const state = new ClusterState({
    storage: options.storage,
    autoCreateTopics: options.autoCreateTopics ?? true,
    numPartitions: options.numPartitions ?? 1,
    defaultReplicationFactor: options.defaultReplicationFactor ?? 1,
  });
  for (let i = 0; i < count; i++) state.brokers.push({ nodeId: i + 1, host, port: basePort === 0 ? 0 : basePort + i, up: true });
  state.load();

  const coordination = createCoordination({
    openJournal: options.storage && ((name) => options.storage!.openJournal(name)),
    liveBrokers: () => state.liveBrokerIds(),
    partitionExists: ({ topic, partition }) => state.partition(topic, partition) !== undefined,
    writeMarker: ({ topic, partition }, producerId, producerEpoch, commit) => {
      const p = state.partition(topic, partition);
      if (p) p.log.append(encodeControlRecord({ commit, producerId, producerEpoch }));
    },
  });
  await coordination.recover();

  const injector = new FaultInjector();
  const sasl = options.sasl && new SaslUsers(options.sasl);
  const brokers = state.brokers.map((b) => new Broker({
    nodeId: b.nodeId,
    state,
    coordination,
    faults: injector,
    maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    sasl,
    log,
  }));
  const broker = (nodeId: number) => {
    const b = brokers.find((x) => x.nodeId === nodeId);
    if (!b) throw new Error(`no broker ${nodeId}; brokers are ${brokers.map((x) => x.nodeId).join(", ")}`);
    return b;
  };
  const bootstrap = () => state.brokers.map((b) => `${b.host}:${b.port}`).join(",");
  const actions: ClusterActions = {
    async stopBroker(nodeId) {
      await broker(nodeId).stop();
      state.setBrokerUp(nodeId, false);
    },
    async startBroker(nodeId) {
      await broker(nodeId).start();
      state.setBrokerUp(nodeId, true);
    },
    async moveLeader(topic, partition, leader) {
      state.moveLeader(topic, partition, leader);
    },
    rebalanceGroup: (groupId) => coordination.groups.forceRebalance(groupId),
    info: () => ({ bootstrap: bootstrap(), brokers: state.brokers.map((b) => ({ ...b })) }),
  };

  return {
    get bootstrap() {
      return bootstrap();
    },
    get brokers() {
      return state.brokers.map(({ nodeId, host: h, port }) => ({ nodeId, host: h, port }));
    },
    get controllerId() {
      return state.controllerId;
    },
    faults: localFaultControl(injector, actions),
    injector,
    state,
    coordination,
    broker,
    connect(h, port) {
      const info = state.brokers.find((b) => b.host === h && b.port === port);
      const target = info && brokers.find((b) => b.nodeId === info.nodeId);
      if (!target || !target.isRunning) return refusedConnection(`${h}:${port}`);
      const pipe = createMemoryPipe();
      target.accept(pipe.server);
      return pipe.client;
    },
    topics: () => summarize(state),
    records(topic, partition) {
      const p = state.partition(topic, partition);
      if (!p) throw new Error(`no partition ${topic}-${partition}`);
      return p.log.allBatches().flatMap((b) => {
        const { isControl } = readBatchHeader(b.bytes);
        return decodeRecords(b.bytes).map((r) => ({ ...r, isControl }));
      });
    },
    stopBroker: actions.stopBroker,
    startBroker: actions.startBroker,
    moveLeader: actions.moveLeader,
    async stop() {
      await Promise.all(brokers.map((b) => b.stop()));
      coordination.close();
      state.close();
    },
  };
}

function summarize(state: ClusterState): TopicSummary[] {
  return [...state.topics.values()].map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => ({
      partition: p.index,
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      replicas: [...p.replicas],
      highWatermark: p.log.highWatermark,
      lastStableOffset: p.log.producers.lastStableOffset(p.log.highWatermark),
    })),
  }));
}
