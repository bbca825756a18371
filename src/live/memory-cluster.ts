// TEMPORARY: an in-process cluster whose brokers accept memory transports
// instead of TCP sockets, assembled from the cluster's own parts (state,
// coordination, fault injector, connection loop). It goes when the cluster
// core (`createCluster`, brokers that `accept(transport)`) lands; the page and
// the tests then use that instead.
import type { Socket } from "node:net";
import { localFaultControl, type FaultControl } from "../cluster/faults/control";
import { FaultInjector } from "../cluster/faults/injector";
import { createCoordination } from "../cluster/groups/coordination";
import { encodeControlRecord } from "../cluster/protocol";
import { serveConnection, type BrokerDeps } from "../cluster/server/connection";
import { ClusterState } from "../cluster/state/cluster-state";
import type { Dialer } from "./kafkajs-socket";
import { createMemoryPipe, type Transport } from "./transport";

export type MemoryCluster = {
  bootstrap: string;
  brokers: { nodeId: number; host: string; port: number }[];
  faults: FaultControl;
  /** Opens a connection to the broker advertised at host:port; throws when it is down or unknown. */
  dial: Dialer;
  stop(): Promise<void>;
};

/** The `net.Socket` surface the connection loop uses, over a transport. */
function socketOver(transport: Transport): Socket {
  let paused = false;
  const [host, port] = transport.remoteAddress.split(":");
  const socket = {
    remoteAddress: host,
    remotePort: Number(port),
    setNoDelay: () => socket,
    on(event: string, listener: (arg?: unknown) => void) {
      if (event === "data") transport.onData((chunk) => listener(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
      if (event === "close") transport.onClose(() => listener());
      return socket;
    },
    write: (bytes: Uint8Array) => (transport.write(bytes), true),
    destroy: () => transport.close(),
    pause: () => ((paused = true), transport.pause()),
    resume: () => ((paused = false), transport.resume()),
    isPaused: () => paused,
  };
  return socket as unknown as Socket;
}

/** Starts `brokers` in-memory brokers advertised as host:basePort, host:basePort+1, … */
export async function startMemoryCluster(options: { brokers?: number; host?: string; basePort?: number; log?: (line: string) => void } = {}): Promise<MemoryCluster> {
  const count = options.brokers ?? 3;
  const host = options.host ?? "in-page-broker";
  const basePort = options.basePort ?? 9092;
  const state = new ClusterState({ autoCreateTopics: true, numPartitions: 1, defaultReplicationFactor: 1 });
  for (let i = 0; i < count; i++) state.brokers.push({ nodeId: i + 1, host, port: basePort + i, up: true });
  const coordination = createCoordination({
    liveBrokers: () => state.liveBrokerIds(),
    partitionExists: ({ topic, partition }) => state.partition(topic, partition) !== undefined,
    writeMarker: ({ topic, partition }, producerId, producerEpoch, commit) => {
      state.partition(topic, partition)?.log.append(encodeControlRecord({ commit, producerId, producerEpoch }));
    },
  });
  await coordination.recover();
  const injector = new FaultInjector();
  const deps = (nodeId: number): BrokerDeps => ({ nodeId, state, coordination, faults: injector, maxRequestBytes: 100 * 1024 * 1024, maxMessageBytes: 1024 * 1024 + 12, log: options.log ?? (() => {}) });
  const open = new Map<number, Set<Transport>>(state.brokers.map((b) => [b.nodeId, new Set()]));
  const bootstrap = state.brokers.map((b) => `${b.host}:${b.port}`).join(",");
  const setUp = (nodeId: number, up: boolean) => {
    if (!state.broker(nodeId)) throw new Error(`no broker ${nodeId}; brokers are ${state.brokers.map((b) => b.nodeId).join(", ")}`);
    if (!up) for (const t of open.get(nodeId)!) t.close();
    state.setBrokerUp(nodeId, up);
  };
  const faults = localFaultControl(injector, {
    stopBroker: async (nodeId) => setUp(nodeId, false),
    startBroker: async (nodeId) => setUp(nodeId, true),
    moveLeader: async (topic, partition, leader) => state.moveLeader(topic, partition, leader),
    rebalanceGroup: (groupId) => coordination.groups.forceRebalance(groupId),
    info: () => ({ bootstrap, brokers: state.brokers.map((b) => ({ ...b })) }),
  });
  return {
    bootstrap,
    brokers: state.brokers.map(({ nodeId, host: h, port }) => ({ nodeId, host: h, port })),
    faults,
    dial(h, port) {
      const broker = state.brokers.find((b) => b.host === h && b.port === port);
      if (!broker) throw new Error(`no in-page broker at ${h}:${port}`);
      if (!broker.up) throw new Error(`broker ${broker.nodeId} is stopped`);
      const { server, client } = createMemoryPipe();
      open.get(broker.nodeId)!.add(server);
      server.onClose(() => open.get(broker.nodeId)!.delete(server));
      serveConnection(socketOver(server), deps(broker.nodeId));
      return client;
    },
    async stop() {
      for (const set of open.values()) for (const t of set) t.close();
      coordination.close();
      state.close();
    },
  };
}
