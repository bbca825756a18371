// The cluster without a network or a file system: shared state, the group
// and transaction coordination, a fault injector and one broker per node id
// that serves whatever transport it is handed (`accept`). ./cluster.ts adds
// TCP listeners and the HTTP control endpoint for Node; a browser connects
// clients through in-memory pipes (`connect`).
//
// Browser-safe: nothing in this file's import graph imports a Node module
// (core.browser.test.ts bundles it for the browser to prove it). It needs
// these globals: Buffer (a `buffer` polyfill in a browser), crypto.randomUUID,
// setTimeout/clearTimeout and queueMicrotask (and MessageChannel or
// setImmediate if there is one, for the pipes' tasks); with SASL also crypto.subtle,
// crypto.getRandomValues, TextEncoder and TextDecoder.
import { staticBrokerConfigs, type ClusterCoreOptions } from "./core-options";
import { ClusterConfigs } from "./configs/store";
import { defectsOf } from "./defects";
import { every, systemClock } from "./coordination/clock";
import { localFaultControl, type ClusterActions, type FaultControl } from "./faults/control";
import { FaultInjector } from "./faults/injector";
import { ProduceJournal } from "./faults/produce-journal";
import { createCoordination, type Coordination } from "./coordinators";
import { decodeRecords, encodeControlRecord, readBatchHeader, type DecodedRecord } from "./protocol";
import { builtBatch } from "./log/validate-batch";
import { SaslUsers, type SaslOptions } from "./sasl";
import { Broker } from "./server/broker";
import { createMemoryPipe, refusedConnection, type MemoryClient } from "./server/transport";
import { ClusterState } from "./state/cluster-state";
import { summarize, topicViews, type TopicSummary } from "./topic-summary";

export type { ClusterCoreOptions } from "./core-options";
export type { TopicSummary } from "./topic-summary";

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
  /** Topics with each partition's leader, replicas, in-sync replicas, offsets and size, and the topic's own configs. */
  topics(): TopicSummary[];
  /** Every record stored in a partition (control records included), decoded. */
  records(topic: string, partition: number): (DecodedRecord & { isControl: boolean })[];
  stopBroker(nodeId: number): Promise<void>;
  startBroker(nodeId: number): Promise<void>;
  moveLeader(topic: string, partition: number, leader: number): Promise<void>;
  /** Runs one retention pass now (the brokers also run one every log.retention.check.interval.ms). */
  enforceRetention(): void;
  stop(): Promise<void>;
};

/** Creates a cluster whose brokers serve transports handed to them (no listeners). */
export async function createCluster(options: ClusterCoreOptions = {}): Promise<ClusterCore> {
  const count = options.brokers ?? 3;
  if (!Number.isInteger(count) || count < 1 || count > 32) throw new Error(`brokers must be between 1 and 32 (got ${options.brokers})`);
  const first = options.firstNodeId ?? 1;
  if (!Number.isInteger(first) || first < 0 || first > 1_000_000) throw new Error(`firstNodeId must be a whole number from 0 to 1000000 (got ${options.firstNodeId})`);
  const host = options.host ?? "127.0.0.1";
  const basePort = options.port ?? 9092;
  const log = options.log ?? (() => {});
  const clock = options.clock ?? systemClock;
  const defects = defectsOf(options.defects);
  const configs = new ClusterConfigs(staticBrokerConfigs(options, count));
  const state = new ClusterState({
    storage: options.storage, configs, now: () => clock.now(),
    schedule: (ms, fn) => clock.schedule(ms, fn), reassignmentDelayMs: options.reassignmentDelayMs ?? 1000,
  });
  for (let i = 0; i < count; i++) state.brokers.push({ nodeId: first + i, host, port: basePort === 0 ? 0 : basePort + i, up: true });
  state.load();

  const coordination = createCoordination({
    openJournal: options.storage && ((name) => options.storage!.openJournal(name)),
    clock,
    coordinatorOf: (key, kind) => state.coordinatorFor(key, kind),
    partitionExists: ({ topic, partition }) => state.partition(topic, partition) !== undefined,
    writeMarker: ({ topic, partition }, producerId, producerEpoch, commit) => {
      const p = state.partition(topic, partition);
      if (!p) return; // deleted with its topic: nothing left to mark
      // Kafka sends a marker to the partition's leader; without one it waits (the coordinator retries).
      if (p.leader < 0) throw new Error(`${topic}-${partition} has no live leader for the transaction marker`);
      p.log.append(builtBatch(encodeControlRecord({ commit, producerId, producerEpoch, timestamp: clock.now() })));
    },
    offsetsRetentionMs: configs.brokerNumber("offsets.retention.minutes") * 60_000,
    offsetsRetentionCheckIntervalMs: configs.brokerNumber("offsets.retention.check.interval.ms"),
    maxTransactionTimeoutMs: configs.brokerNumber("transaction.max.timeout.ms"),
    group: {
      initialRebalanceDelayMs: configs.brokerNumber("group.initial.rebalance.delay.ms"),
      minSessionTimeoutMs: configs.brokerNumber("group.min.session.timeout.ms"),
      maxSessionTimeoutMs: configs.brokerNumber("group.max.session.timeout.ms"),
      defects,
    },
  });
  await coordination.recover();

  const enforceRetention = () => {
    try {
      state.enforceRetention();
    } catch (err) {
      log(`retention: ${(err as Error).message}`);
    }
  };
  const stopRetention = every(clock, () => configs.brokerNumber("log.retention.check.interval.ms"), enforceRetention);

  const injector = new FaultInjector();
  const journal = new ProduceJournal();
  const sasl = options.sasl && new SaslUsers(options.sasl);
  const brokers = state.brokers.map((b) => new Broker({
    nodeId: b.nodeId,
    state,
    coordination,
    faults: injector,
    journal,
    maxRequestBytes: configs.brokerNumber("socket.request.max.bytes"),
    maxMessageBytes: configs.brokerNumber("message.max.bytes"),
    defects,
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
    topics: () => topicViews(state),
    enforceRetention,
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
    faults: localFaultControl(injector, actions, journal),
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
    enforceRetention,
    async stop() {
      stopRetention();
      await Promise.all(brokers.map((b) => b.stop()));
      coordination.close();
      state.close();
    },
  };
}
