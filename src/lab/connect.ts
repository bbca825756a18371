// Finds a cluster for a notebook, in this order: KAFKA_BROKERS (any Kafka),
// a `partition-lab cluster` already running on the default port, or an
// embedded cluster started in this process — and says which one it uses.
// PARTITION_LAB_CLUSTER=embedded skips the default port (`partition-lab lab
// --per-notebook-clusters`), so each notebook starts its own cluster.
// TLS and SASL settings come from the environment (./security.ts) and apply
// to the first two; they never start an embedded cluster.
import * as net from "node:net";
import { startCluster, type Cluster } from "../cluster";
import { connectFaultControl } from "../cluster/faults";
import { createLab, labKafkaConfig, type ClusterSource, type Lab } from "./lab";
import { SECURITY_VARIABLES, securityFromEnv, SecuritySettingsError } from "./security";

export const DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
/** `partition-lab cluster` with its default 3 brokers puts its control endpoint on port 9092 + 3. */
export const DEFAULT_CONTROL_URL = "http://127.0.0.1:9095";

/** Whether something accepts TCP connections at "host:port". */
export function reachable(hostPort: string, timeoutMs = 300): Promise<boolean> {
  const [host, port] = hostPort.split(":");
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), host);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export type ConnectOptions = {
  quiet?: boolean;
  /**
   * Start an embedded cluster for this lab alone, whatever KAFKA_BROKERS or a
   * local cluster say: for a lesson that stops brokers, which would disturb
   * every other client of a shared cluster (the course build runs notebooks
   * side by side on one).
   */
  own?: boolean;
  /** Where to look for a `partition-lab cluster` before starting one (default 127.0.0.1:9092, control on :9095). */
  local?: { bootstrap: string; controlUrl: string };
};

/** Connects to a cluster (see the file comment) and prints which one. */
export async function connect(options: ConnectOptions = {}): Promise<Lab> {
  const local = options.local ?? { bootstrap: DEFAULT_BOOTSTRAP, controlUrl: DEFAULT_CONTROL_URL };
  const say = (line: string) => options.quiet || console.log(line);
  const security = securityFromEnv();
  const secured = security.description ? ` (${security.description})` : "";
  let source: ClusterSource;
  let bootstrap: string;
  let cluster: Cluster | undefined;
  const fromEnv = process.env.KAFKA_BROKERS?.trim();
  if (options.own) {
    source = "embedded";
    cluster = await startCluster({ brokers: 3 });
    bootstrap = cluster.bootstrap;
    say(`Started a 3-broker cluster of this lab's own in this kernel at ${bootstrap}`);
  } else if (fromEnv) {
    source = "KAFKA_BROKERS";
    bootstrap = fromEnv;
    say(`Using the Kafka cluster in KAFKA_BROKERS: ${bootstrap}${secured}`);
  } else if (process.env.PARTITION_LAB_CLUSTER !== "embedded" && (await reachable(local.bootstrap))) {
    source = "local";
    bootstrap = local.bootstrap;
    say(`Using the cluster listening on ${bootstrap}${secured} (started with \`npx partition-lab cluster\`?)`);
  } else if (security.description) {
    const set = SECURITY_VARIABLES.filter((name) => process.env[name]);
    throw new SecuritySettingsError(`${set.join(", ")} ${set.length === 1 ? "is" : "are"} set but KAFKA_BROKERS is not, and nothing listens on ${local.bootstrap}: set KAFKA_BROKERS to your cluster's bootstrap servers (or unset ${set.join(", ")} for an embedded cluster)`);
  } else {
    source = "embedded";
    cluster = await startCluster({ brokers: 3 });
    bootstrap = cluster.bootstrap;
    const why = process.env.PARTITION_LAB_CLUSTER === "embedded" ? "PARTITION_LAB_CLUSTER=embedded" : `No cluster found (KAFKA_BROKERS unset, nothing on ${local.bootstrap})`;
    say(`${why}: started an embedded 3-broker cluster in this kernel at ${bootstrap}`);
  }
  return createLab({
    config: labKafkaConfig(bootstrap, options.own ? {} : security.config),
    bootstrap,
    source,
    cluster,
    async faults() {
      if (cluster) return cluster.faults;
      const url = process.env.PARTITION_LAB_CONTROL ?? (source === "local" ? local.controlUrl : undefined);
      if (!url) throw new Error("fault injection needs partition-lab's cluster and its control endpoint; a real Kafka cluster has no such switch (set PARTITION_LAB_CONTROL to the control address `partition-lab cluster` printed)");
      // Whatever listens on 9092 may be real Kafka (docker compose): ask before promising faults.
      const control = connectFaultControl(url);
      await control.info(); // throws "cannot reach the cluster's control endpoint at …"
      return control;
    },
    say: (line) => say(line),
    stop: async () => cluster?.stop(),
    startOwn: () => connect({ ...options, own: true }),
  });
}
