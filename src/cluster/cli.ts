// `partition-lab cluster`: an embedded cluster in the foreground until Ctrl-C.
import { intFlag, parseFlags } from "../cli-args";
import { connectHint, readSaslFile, readTlsFiles, securityProtocol, takeTlsFlag } from "./cli-listener";
import { startCluster } from "./cluster";

const USAGE = `usage: partition-lab cluster [--brokers 3] [--port 9092] [--host 127.0.0.1] [--data-dir DIR]
                             [--partitions 1] [--no-auto-create]
                             [--sasl users.json] [--tls cert.pem key.pem]

Starts an embedded Kafka-compatible cluster: broker i listens on port+i-1
(--port 0 picks free ports), the fault-injection control endpoint on
port+brokers. Without --data-dir everything lives in memory.

--sasl users.json   clients must authenticate (SASL/PLAIN, SCRAM-SHA-256,
                    SCRAM-SHA-512) as one of these users. The file:
                    {"users": {"alice": "alice-secret"},
                     "mechanisms": ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]}
                    ("mechanisms" is optional: all three by default)
--tls cert.pem key.pem
                    brokers speak TLS with this certificate and private key
                    (PEM); the certificate must name the host clients dial`;

export async function main(argv: string[]): Promise<number> {
  const { rest, tls: tlsFiles } = takeTlsFlag(argv);
  const { values } = parseFlags(rest, {
    brokers: { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    "data-dir": { type: "string" },
    partitions: { type: "string" },
    "no-auto-create": { type: "boolean" },
    sasl: { type: "string" },
  }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const str = (name: string) => values[name] as string | undefined;
  const brokers = intFlag(str("brokers"), "brokers", 3, 1, 32);
  const sasl = str("sasl") === undefined ? undefined : readSaslFile(str("sasl")!);
  const identity = tlsFiles && readTlsFiles(tlsFiles.certFile, tlsFiles.keyFile);
  const cluster = await startCluster({
    brokers,
    port: intFlag(str("port"), "port", 9092, 0, 65535 - brokers),
    host: str("host") ?? "127.0.0.1",
    dataDir: str("data-dir"),
    numPartitions: intFlag(str("partitions"), "partitions", 1, 1, 10_000),
    autoCreateTopics: !values["no-auto-create"],
    sasl,
    tls: identity,
    log: (line) => console.error(line),
  });
  console.log(`partition-lab cluster: ${brokers} broker${brokers === 1 ? "" : "s"} up${values["data-dir"] ? `, data in ${values["data-dir"]}` : " (in memory)"}`);
  console.log(`bootstrap: ${cluster.bootstrap}`);
  console.log(`listener:  ${securityProtocol(!!sasl, !!identity)}${sasl ? ` (${sasl.mechanisms.join(", ")}; users: ${Object.keys(sasl.users).join(", ")})` : ""}`);
  console.log(`control:   ${cluster.controlUrl}`);
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
