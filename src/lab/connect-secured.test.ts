// connect() against a cluster that wants TLS and SASL, configured the way a
// learner configures Confluent Cloud or MSK: environment variables only. The
// cluster is the embedded one with a throwaway certificate and
// default.replication.factor 3, so a topic made without a replication factor
// shows that the cluster's default was asked for. Nothing printed, and no
// error, may contain the password.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startCluster, type Cluster } from "../cluster";
import { throwawayCertificate } from "../cluster/test-support/tls-cert";
import { consumeExactly, uniqueTopic } from "./checks";
import { connect } from "./connect";
import { SECURITY_VARIABLES } from "./security";

const PASSWORD = "Pa55-only-in-this-test";
const NAMES = ["KAFKA_BROKERS", ...SECURITY_VARIABLES] as const;

let dir: string;
let cluster: Cluster;
const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "connect-secured-"));
  const cert = throwawayCertificate(dir);
  cluster = await startCluster({ brokers: 3, defaultReplicationFactor: 3, sasl: { users: { alice: PASSWORD } }, tls: cert });
  Object.assign(process.env, {
    KAFKA_BROKERS: cluster.bootstrap, KAFKA_SSL: "1", KAFKA_SSL_CA_FILE: cert.certFile,
    KAFKA_SASL_MECHANISM: "scram-sha-512", KAFKA_SASL_USERNAME: "alice", KAFKA_SASL_PASSWORD: PASSWORD,
  });
});
afterAll(async () => {
  for (const n of NAMES) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
  await cluster?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

/** Everything written to the console, stdout and stderr while `fn` runs. */
async function printed<T>(fn: () => Promise<T>): Promise<{ result: T | undefined; error: unknown; output: string }> {
  const out: string[] = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void out.push(args.map(String).join(" ")));
  for (const stream of [process.stdout, process.stderr]) vi.spyOn(stream, "write").mockImplementation((chunk: unknown) => (out.push(String(chunk)), true));
  try {
    return { result: await fn(), error: undefined, output: out.join("\n") };
  } catch (error) {
    return { result: undefined, error, output: out.join("\n") };
  } finally {
    vi.restoreAllMocks();
  }
}

describe("connect() with TLS and SASL from the environment", () => {
  it("creates a topic with the cluster's default replication factor, produces and consumes, and never prints the password", async () => {
    const topic = uniqueTopic("secured");
    const { result: got, error, output } = await printed(async () => {
      const lab = await connect();
      try {
        await lab.createTopic(topic, 3);
        // Before lab.close(), which deletes the topics the lab made.
        const replicas = cluster.topics().find((t) => t.name === topic)!.partitions.map((p) => p.replicas.length);
        const producer = await lab.producer();
        await producer.send({ topic, messages: ["a", "b", "c"].map((value) => ({ key: value, value })) });
        return { replicas, records: await consumeExactly(lab.kafka, topic, 3) };
      } finally {
        await lab.close();
      }
    });
    expect(error).toBeUndefined();
    expect(got!.records.map((r) => r.value).sort()).toEqual(["a", "b", "c"]);
    expect(got!.replicas).toEqual([3, 3, 3]);
    expect(output).toContain(`Using the Kafka cluster in KAFKA_BROKERS: ${cluster.bootstrap} (TLS (CA from ${process.env.KAFKA_SSL_CA_FILE}), SASL/SCRAM-SHA-512 as alice)`);
    expect(output).not.toContain(PASSWORD);
  });

  it("reports a refused password with Kafka's message, and not the password", async () => {
    const wrong = `${PASSWORD}-but-wrong`;
    process.env.KAFKA_SASL_PASSWORD = wrong;
    try {
      const { error, output } = await printed(async () => {
        const lab = await connect();
        try {
          await lab.admin();
        } finally {
          await lab.close();
        }
      });
      expect((error as Error).message).toContain("Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512");
      expect(`${(error as Error).message}\n${(error as Error).stack}\n${output}`).not.toContain(wrong);
    } finally {
      process.env.KAFKA_SASL_PASSWORD = PASSWORD;
    }
  });

  it("refuses to start an embedded cluster when security settings are set without KAFKA_BROKERS", async () => {
    const brokers = process.env.KAFKA_BROKERS;
    delete process.env.KAFKA_BROKERS;
    try {
      const { error } = await printed(() => connect({ quiet: true, local: { bootstrap: "127.0.0.1:1", controlUrl: "http://127.0.0.1:1" } }));
      expect((error as Error).message).toMatch(/^KAFKA_SSL, KAFKA_SSL_CA_FILE, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD are set but KAFKA_BROKERS is not/);
      expect((error as Error).message).not.toContain(PASSWORD);
    } finally {
      process.env.KAFKA_BROKERS = brokers;
    }
  });
});
