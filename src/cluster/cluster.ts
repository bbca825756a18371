// Starts an embedded cluster in Node: the cluster core (./core.ts) with one
// TCP listener per broker (TLS with `tls`; SASL with `sasl`, which the core
// enforces on every connection) and the fault-injection control endpoint over
// HTTP.
import { createCluster, type ClusterCore, type ClusterCoreOptions } from "./core";
import { controlListenPlan, startControlServer } from "./faults/server";
import { listenTcp, type TcpListener, type TlsIdentity } from "./server/tcp-listener";
import { fileStorage } from "./storage/file-storage";

export type { TopicSummary } from "./core";
export type { TlsIdentity } from "./server/tcp-listener";

export type ClusterOptions = Omit<ClusterCoreOptions, "storage" | "port"> & {
  /** First broker port; broker i listens on port + i. 0 (the default) picks free ports. */
  port?: number;
  /** Persist logs, topics, configs and committed offsets here; in memory when absent. */
  dataDir?: string;
  /** Port of the fault-injection control endpoint (default: port + brokers, or free when port is 0). */
  controlPort?: number;
  /** Where the control endpoint listens (default 127.0.0.1, whatever `host` the brokers use); off loopback it requires a token. */
  controlHost?: string;
  /** Require a token on the control endpoint even on loopback (default: only off loopback). */
  controlToken?: boolean;
  /** Serve TLS with this certificate and key (PEM): SSL, or SASL_SSL with `sasl`. */
  tls?: TlsIdentity;
};

export type Cluster = ClusterCore & {
  /** The control endpoint ("http://127.0.0.1:port", with "/?token=…" when it requires one): what connectFaultControl and PARTITION_LAB_CONTROL take. */
  controlUrl: string;
};

/** Starts an embedded Kafka-compatible cluster; resolves once every broker listens. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const host = options.host ?? "127.0.0.1";
  const basePort = options.port ?? 0;
  const log = options.log ?? (() => {});
  const storage = options.dataDir ? fileStorage(options.dataDir) : undefined;
  const core = await createCluster({ ...options, host, port: basePort, storage });
  const listeners: TcpListener[] = [];
  let control: { url: string; close(): Promise<void> } | undefined;
  try {
    for (const b of core.state.brokers) {
      const listener = await listenTcp(core.broker(b.nodeId), host, b.port, log, options.tls);
      listeners.push(listener);
      b.port = listener.port;
    }
    const controlPort = options.controlPort ?? (basePort === 0 ? 0 : basePort + core.state.brokers.length);
    const plan = controlListenPlan(options);
    control = await startControlServer(core.faults, { port: controlPort, host: plan.host, tokenRequired: plan.tokenRequired });
  } catch (err) {
    await core.stop(); // stopping a broker closes its listener
    throw err;
  }
  const controlServer = control;
  const stopCore = core.stop;
  return Object.assign(core, {
    controlUrl: controlServer.url,
    async stop() {
      await controlServer.close();
      await stopCore();
    },
  });
}
