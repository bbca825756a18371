// TLS and SASL settings for a cluster a learner brings (Confluent Cloud,
// Amazon MSK, Aiven, Redpanda Cloud, or `partition-lab cluster --sasl
// --tls`), read from the environment and turned into kafkajs's `ssl` and
// `sasl` options. A mistake is an error that names the variable to fix; the
// password never appears in an error or in the description.
import * as fs from "node:fs";
import type { KafkaConfig, SASLOptions } from "kafkajs";

/** The variables read here, in the order the README lists them. */
export const SECURITY_VARIABLES = ["KAFKA_SSL", "KAFKA_SSL_CA_FILE", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD"] as const;

const MECHANISMS = ["plain", "scram-sha-256", "scram-sha-512"] as const;
type Mechanism = (typeof MECHANISMS)[number];

export type Security = {
  /** kafkajs's `ssl` and `sasl` options (absent for a plaintext cluster). */
  config: Pick<KafkaConfig, "ssl" | "sasl">;
  /** What a person may read: "TLS (CA from ca.pem), SASL/SCRAM-SHA-512 as alice"; empty for plaintext. */
  description: string;
};

/** Thrown for settings that cannot work together; the message names the variable to change. */
export class SecuritySettingsError extends Error {
  override name = "SecuritySettingsError";
}

type Env = Record<string, string | undefined>;

/** Reads the security settings from `env` (see the file comment); plaintext when none is set. */
export function securityFromEnv(env: Env = process.env, readFile: (file: string) => string = (f) => fs.readFileSync(f, "utf8")): Security {
  const get = (name: (typeof SECURITY_VARIABLES)[number]) => (env[name] === "" ? undefined : env[name]);
  const tls = flag(get("KAFKA_SSL"));
  const caFile = get("KAFKA_SSL_CA_FILE");
  if (caFile !== undefined && !tls) fail("KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not: set KAFKA_SSL=1 to connect with TLS");
  const ca = caFile === undefined ? undefined : readCa(caFile, readFile);

  const config: Security["config"] = {};
  const said: string[] = [];
  if (tls) {
    // Without a CA file Node checks the brokers' certificates against its built-in roots, as cloud services need.
    config.ssl = ca ? { ca: [ca] } : true;
    said.push(ca ? `TLS (CA from ${caFile})` : "TLS");
  }
  const sasl = saslFromEnv(get("KAFKA_SASL_MECHANISM"), get("KAFKA_SASL_USERNAME"), get("KAFKA_SASL_PASSWORD"));
  if (sasl) {
    config.sasl = sasl;
    said.push(`SASL/${sasl.mechanism.toUpperCase()} as ${sasl.username}`);
    if (!tls && sasl.mechanism === "plain") said.push("without TLS, so the password crosses the network readable (set KAFKA_SSL=1 if the cluster offers TLS)");
  }
  return { config, description: said.join(", ") };
}

function fail(message: string): never {
  throw new SecuritySettingsError(message);
}

function flag(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  if (["1", "true", "yes"].includes(v)) return true;
  if (["0", "false", "no"].includes(v)) return false;
  return fail(`KAFKA_SSL must be 1 (TLS) or 0 (no TLS), not ${JSON.stringify(value)}`);
}

function readCa(file: string, readFile: (file: string) => string): string {
  let pem: string;
  try {
    pem = readFile(file);
  } catch (err) {
    return fail(`KAFKA_SSL_CA_FILE=${file} cannot be read: ${(err as Error).message}`);
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) fail(`KAFKA_SSL_CA_FILE=${file} holds no PEM certificate ("-----BEGIN CERTIFICATE-----")`);
  return pem;
}

function saslFromEnv(mechanism: string | undefined, username: string | undefined, password: string | undefined): (SASLOptions & { mechanism: Mechanism; username: string }) | undefined {
  if (mechanism === undefined) {
    const stray = username !== undefined ? "KAFKA_SASL_USERNAME" : password !== undefined ? "KAFKA_SASL_PASSWORD" : undefined;
    if (stray) fail(`${stray} is set but KAFKA_SASL_MECHANISM is not: set it to ${MECHANISMS.join(", ")}`);
    return undefined;
  }
  const m = mechanism.trim().toLowerCase();
  if (!MECHANISMS.includes(m as Mechanism)) {
    fail(`KAFKA_SASL_MECHANISM=${mechanism} is not one the course sets up: use ${MECHANISMS.join(", ")} (Confluent Cloud: plain; Amazon MSK with SASL/SCRAM: scram-sha-512)`);
  }
  const missing = [username === undefined && "KAFKA_SASL_USERNAME", password === undefined && "KAFKA_SASL_PASSWORD"].filter(Boolean);
  if (missing.length > 0) fail(`KAFKA_SASL_MECHANISM=${m} needs ${missing.join(" and ")} as well`);
  return { mechanism: m as Mechanism, username: username!, password: password! };
}
