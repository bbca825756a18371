// `partition-lab cluster`: an embedded cluster in the foreground until Ctrl-C.
import { intFlag, parseFlags } from "../cli-args";
import { CliError } from "../cli-error";
import { connectHint, readSaslFile, readTlsFiles, securityProtocol, takeTlsFlag } from "./cli-listener";
import { startCluster } from "./cluster";
import { ConfigError } from "./configs/store";
import { ListenError } from "./faults/listen-error";
import { StorageError } from "./storage/storage";

const USAGE = `usage: partition-lab cluster [--brokers 3] [--first-node-id 1] [--port 9092] [--host 127.0.0.1] [--data-dir DIR]
                             [--partitions 1] [--no-auto-create] [--config KEY=VALUE]...
                             [--control-host 127.0.0.1]
                             [--sasl users.json] [--tls cert.pem key.pem]

Starts an embedded Kafka-compatible cluster: broker i listens on port+i-1
(--port 0 picks free ports), the fault-injection control endpoint on
port+brokers. Without --data-dir everything lives in memory. Brokers are
numbered from --first-node-id (default 1; 0 as in Kafka's quickstarts).
--config sets a broker config as in Kafka's server.properties (repeatable),
e.g. --config min.insync.replicas=2 --config log.retention.check.interval.ms=1000.
The control endpoint listens on 127.0.0.1 whatever --host says; with
--control-host elsewhere it requires the token printed in its URL.

--sasl users.json   clients must authenticate (SASL/PLAIN, SCRAM-SHA-256,
                    SCRAM-SHA-512) as one of these users. The file:
                    {"users": {"alice": "alice-secret"},
                     "mechanisms": ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]}
                    ("mechanisms" is optional: all three by default)
--tls cert.pem key.pem
                    brokers speak TLS with this certificate and private key
                    (PEM); the certificate must name the host clients dial`;

/** KEY=VALUE flags as a config map. */
function configFlags(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of values) {
    const eq = kv.indexOf("=");
    if (eq <= 0) throw new CliError(`--config takes KEY=VALUE (got "${kv}")`);
    out[kv.slice(0, eq).trim()] = kv.slice(eq + 1);
  }
  return out;
}

export async function main(argv: string[]): Promise<number> {
  const { rest, tls: tlsFiles } = takeTlsFlag(argv);
  const flags = parseFlags(rest, {
    brokers: { type: "string" },
    "first-node-id": { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    "data-dir": { type: "string" },
    partitions: { type: "string" },
    "no-auto-create": { type: "boolean" },
    config: { type: "string", multiple: true },
    "control-host": { type: "string" },
    sasl: { type: "string" },
  }, USAGE);
  if (!flags) return 0;
  const { values } = flags;
  const str = (name: string) => values[name] as string | undefined;
  const brokers = intFlag(str("brokers"), "brokers", 3, 1, 32);
  const partitions = str("partitions");
  const sasl = str("sasl") === undefined ? undefined : readSaslFile(str("sasl")!);
  const identity = tlsFiles && readTlsFiles(tlsFiles.certFile, tlsFiles.keyFile);
  let cluster;
  try {
    cluster = await startCluster({
      brokers,
      firstNodeId: intFlag(str("first-node-id"), "first-node-id", 1, 0, 1_000_000),
      port: intFlag(str("port"), "port", 9092, 0, 65535 - brokers),
      host: str("host") ?? "127.0.0.1",
      controlHost: str("control-host"),
      dataDir: str("data-dir"),
      configs: configFlags((values.config as unknown as string[] | undefined) ?? []),
      numPartitions: partitions === undefined ? undefined : intFlag(partitions, "partitions", 1, 1, 10_000),
      autoCreateTopics: values["no-auto-create"] ? false : undefined,
      sasl,
      tls: identity,
      log: (line) => console.error(line),
    });
  } catch (err) {
    // What the user can fix: one line, exit 1, and the data directory left as it was.
    if (err instanceof StorageError || err instanceof ListenError || err instanceof ConfigError) throw new CliError(err.message, 1);
    throw err;
  }
  console.log(`partition-lab cluster: ${brokers} broker${brokers === 1 ? "" : "s"} up${values["data-dir"] ? `, data in ${values["data-dir"]}` : " (in memory)"}`);
  console.log(`bootstrap: ${cluster.bootstrap}`);
  console.log(`listener:  ${securityProtocol(!!sasl, !!identity)}${sasl ? ` (${sasl.mechanisms.join(", ")}; users: ${Object.keys(sasl.users).join(", ")})` : ""}`);
  console.log(`control:   ${cluster.controlUrl}`);
  if (cluster.controlUrl.includes("token=")) console.log("           (the token in this URL is required: pass the whole URL to connectFaultControl or PARTITION_LAB_CONTROL)");
  console.log(`Use it with: ${connectHint(cluster.bootstrap, sasl, identity && { certFile: tlsFiles!.certFile, selfSigned: identity.selfSigned })}   (Ctrl-C stops the cluster)`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  console.log("stopping…");
  await cluster.stop();
  return 0;
}
