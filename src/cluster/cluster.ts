// Starts an embedded cluster: N brokers in this process, each on its own
// loopback port, sharing one cluster state, the group/transaction
// coordination and a fault injector with its loopback control endpoint.
import { localFaultControl, type ClusterActions, type FaultControl } from "./faults/control";
import { FaultInjector } from "./faults/injector";
import { ProduceJournal } from "./faults/produce-journal";
import { startControlServer } from "./faults/server";
import { createCoordination, type Coordination } from "./groups/coordination";
import { decodeRecords, encodeControlRecord, readBatchHeader, type Record } from "./protocol";
import { BrokerServer } from "./server/broker";
import { ClusterState } from "./state/cluster-state";

export type ClusterOptions = {
  /** Number of brokers (default 3). */
  brokers?: number;
  /** First broker port; broker i listens on port + i. 0 (the default) picks free ports. */
  port?: number;
  host?: string;
  /** Persist logs, topics and committed offsets here; in memory when absent. */
  dataDir?: string;
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
  /** Port of the fault-injection control endpoint (default: port + brokers, or free when port is 0). */
  controlPort?: number;
  /** Where brokers report dropped connections and internal errors (default: silent). */
  log?: (line: string) => void;
};

export type TopicSummary = {
  name: string;
  partitions: { partition: number; leader: number; leaderEpoch: number; replicas: number[]; highWatermark: bigint; lastStableOffset: bigint }[];
};

export type Cluster = {
  /** "127.0.0.1:p1,127.0.0.1:p2,…", what clients take as bootstrap servers. */
  bootstrap: string;
  brokers: { nodeId: number; host: string; port: number }[];
  readonly controllerId: number;
  /** The fault-injection control endpoint ("http://127.0.0.1:port"). */
  controlUrl: string;
  /** Fault injection and broker/leader actions (the same API `connectFaultControl(controlUrl)` gives). */
  faults: FaultControl;
  /** The rules engine the brokers consult, for synchronous use in tests. */
  injector: FaultInjector;
  state: ClusterState;
  coordination: Coordination;
  /** Topics with each partition's leader, replicas and offsets. */
  topics(): TopicSummary[];
  /** Every record stored in a partition (control records included), decoded. */
  records(topic: string, partition: number): (Record & { isControl: boolean })[];
  stopBroker(nodeId: number): Promise<void>;
  startBroker(nodeId: number): Promise<void>;
  moveLeader(topic: string, partition: number, leader: number): Promise<void>;
  stop(): Promise<void>;
};

const DEFAULT_MAX_REQUEST_BYTES = 100 * 1024 * 1024;
const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024 + 12;

/** Starts an embedded Kafka-compatible cluster; resolves once every broker listens. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const count = options.brokers ?? 3;
  if (!Number.isInteger(count) || count < 1 || count > 32) throw new Error(`brokers must be between 1 and 32 (got ${options.brokers})`);
  const host = options.host ?? "127.0.0.1";
  const basePort = options.port ?? 0;
  const log = options.log ?? (() => {});
  const state = new ClusterState({
    dataDir: options.dataDir,
    autoCreateTopics: options.autoCreateTopics ?? true,
    numPartitions: options.numPartitions ?? 1,
    defaultReplicationFactor: options.defaultReplicationFactor ?? 1,
  });
  for (let i = 0; i < count; i++) state.brokers.push({ nodeId: i + 1, host, port: basePort === 0 ? 0 : basePort + i, up: true });
  state.load();

  const coordination = createCoordination({
    dataDir: options.dataDir,
    liveBrokers: () => state.liveBrokerIds(),
    partitionExists: ({ topic, partition }) => state.partition(topic, partition) !== undefined,
    writeMarker: ({ topic, partition }, producerId, producerEpoch, commit) => {
      const p = state.partition(topic, partition);
      if (p) p.log.append(encodeControlRecord({ commit, producerId, producerEpoch }));
    },
  });
  await coordination.recover();

  const injector = new FaultInjector();
  const journal = new ProduceJournal();
  const servers = state.brokers.map((b) => new BrokerServer({
    nodeId: b.nodeId,
    state,
    coordination,
    faults: injector,
    journal,
    maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    log,
  }, host, b.port));
  const started: BrokerServer[] = [];
  try {
    for (const s of servers) {
      await s.start();
      started.push(s);
      state.broker(s.nodeId)!.port = s.port;
    }
  } catch (err) {
    await Promise.all(started.map((s) => s.stop()));
    coordination.close();
    state.close();
    throw err;
  }

  const server = (nodeId: number) => {
    const s = servers.find((x) => x.nodeId === nodeId);
    if (!s) throw new Error(`no broker ${nodeId}; brokers are ${servers.map((x) => x.nodeId).join(", ")}`);
    return s;
  };
  const bootstrap = state.brokers.map((b) => `${b.host}:${b.port}`).join(",");
  const actions: ClusterActions = {
    async stopBroker(nodeId) {
      await server(nodeId).stop();
      state.setBrokerUp(nodeId, false);
    },
    async startBroker(nodeId) {
      await server(nodeId).start();
      state.setBrokerUp(nodeId, true);
    },
    async moveLeader(topic, partition, leader) {
      state.moveLeader(topic, partition, leader);
    },
    rebalanceGroup: (groupId) => coordination.groups.forceRebalance(groupId),
    info: () => ({ bootstrap, brokers: state.brokers.map((b) => ({ ...b })) }),
  };
  const faults = localFaultControl(injector, actions, journal);
  const controlPort = options.controlPort ?? (basePort === 0 ? 0 : basePort + count);
  const control = await startControlServer(faults, { port: controlPort, host });

  return {
    bootstrap,
    brokers: state.brokers.map(({ nodeId, host: h, port }) => ({ nodeId, host: h, port })),
    get controllerId() {
      return state.controllerId;
    },
    controlUrl: control.url,
    faults,
    injector,
    state,
    coordination,
    topics: () =>
      [...state.topics.values()].map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partition: p.index,
          leader: p.leader,
          leaderEpoch: p.leaderEpoch,
          replicas: [...p.replicas],
          highWatermark: p.log.highWatermark,
          lastStableOffset: p.log.producers.lastStableOffset(p.log.highWatermark),
        })),
      })),
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
      await control.close();
      await Promise.all(servers.map((s) => s.stop()));
      coordination.close();
      state.close();
    },
  };
}
