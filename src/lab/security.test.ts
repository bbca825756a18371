// Security settings from the environment: what kafkajs gets, and errors
// that name the variable to fix without ever showing the password.
import { describe, expect, it } from "vitest";
import { securityFromEnv, SecuritySettingsError } from "./security";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const files: Record<string, string> = { "ca.pem": PEM, "key.pem": "-----BEGIN PRIVATE KEY-----\n" };
const read = (file: string) => {
  if (!(file in files)) throw new Error(`ENOENT: no such file or directory, open '${file}'`);
  return files[file];
};
const settings = (env: Record<string, string>) => securityFromEnv(env, read);
const SASL = { KAFKA_SASL_MECHANISM: "SCRAM-SHA-512", KAFKA_SASL_USERNAME: "alice", KAFKA_SASL_PASSWORD: "p@ss, w0rd=" };

describe("security settings from the environment", () => {
  it("are plaintext when nothing is set, or set to empty or 0", () => {
    expect(settings({})).toEqual({ config: {}, description: "" });
    expect(settings({ KAFKA_SSL: "0", KAFKA_SASL_MECHANISM: "" })).toEqual({ config: {}, description: "" });
  });

  it("use the system's roots for TLS without a CA file, as Confluent Cloud and MSK need", () => {
    expect(settings({ KAFKA_SSL: "1" })).toEqual({ config: { ssl: true }, description: "TLS" });
    expect(settings({ KAFKA_SSL: "true", KAFKA_SSL_CA_FILE: "ca.pem" })).toEqual({ config: { ssl: { ca: [PEM] } }, description: "TLS (CA from ca.pem)" });
  });

  it("give kafkajs the mechanism in its spelling and the password verbatim, and describe them without it", () => {
    const s = settings({ KAFKA_SSL: "1", ...SASL });
    expect(s.config.sasl).toEqual({ mechanism: "scram-sha-512", username: "alice", password: "p@ss, w0rd=" });
    expect(s.description).toBe("TLS, SASL/SCRAM-SHA-512 as alice");
  });

  it("warn that PLAIN without TLS sends the password readable", () => {
    expect(settings({ ...SASL, KAFKA_SASL_MECHANISM: "plain" }).description).toMatch(/^SASL\/PLAIN as alice, without TLS, so the password crosses the network readable/);
  });

  it.each([
    [{ KAFKA_SSL: "maybe" }, /^KAFKA_SSL must be 1 \(TLS\) or 0/],
    [{ KAFKA_SSL_CA_FILE: "ca.pem" }, /^KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not: set KAFKA_SSL=1/],
    [{ KAFKA_SSL: "1", KAFKA_SSL_CA_FILE: "missing.pem" }, /^KAFKA_SSL_CA_FILE=missing\.pem cannot be read: ENOENT/],
    [{ KAFKA_SSL: "1", KAFKA_SSL_CA_FILE: "key.pem" }, /^KAFKA_SSL_CA_FILE=key\.pem holds no PEM certificate/],
    [{ ...SASL, KAFKA_SASL_MECHANISM: "oauthbearer" }, /^KAFKA_SASL_MECHANISM=oauthbearer is not one the course sets up: use plain, scram-sha-256, scram-sha-512/],
    [{ KAFKA_SASL_MECHANISM: "plain", KAFKA_SASL_USERNAME: "alice" }, /^KAFKA_SASL_MECHANISM=plain needs KAFKA_SASL_PASSWORD as well$/],
    [{ KAFKA_SASL_MECHANISM: "plain" }, /needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD as well$/],
    [{ KAFKA_SASL_USERNAME: "alice", KAFKA_SASL_PASSWORD: SASL.KAFKA_SASL_PASSWORD }, /^KAFKA_SASL_USERNAME is set but KAFKA_SASL_MECHANISM is not/],
    [{ KAFKA_SASL_PASSWORD: SASL.KAFKA_SASL_PASSWORD }, /^KAFKA_SASL_PASSWORD is set but KAFKA_SASL_MECHANISM is not/],
  ])("refuse %j, naming the variable and never the password", (env, message) => {
    let error: unknown;
    try {
      settings(env as Record<string, string>);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SecuritySettingsError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(SASL.KAFKA_SASL_PASSWORD);
  });
});
