// The cluster's SASL users: the options (`startCluster({ sasl })`, or the
// file `partition-lab cluster --sasl users.json` reads) and the credentials
// derived from them. Passwords stay in memory only; SCRAM credentials are
// derived once per user and mechanism with a random salt, as Kafka stores
// them (RFC 5802 section 3: StoredKey and ServerKey, never the password).
import { randomBytes, utf8 } from "./crypto";
import { SASL_MECHANISMS, type SaslMechanism } from "./exchange";
import { scramCredential, type ScramCredential } from "./scram";

export type SaslOptions = {
  /** Each user's password, by user name. */
  users: Record<string, string>;
  /** The mechanisms the brokers enable (default: all of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512). */
  mechanisms?: SaslMechanism[];
};

/** Kafka's default and minimum iteration count for SCRAM-SHA-256 and -512 (ScramMechanism.minIterations). */
export const SCRAM_ITERATIONS = 4096;

/**
 * Checks SASL options (parsed from users.json or given in code) and returns
 * them complete; throws an Error saying what is wrong, naming `source`.
 * Format: `{ "users": { "alice": "alice-secret" }, "mechanisms": ["PLAIN", "SCRAM-SHA-256"] }`.
 */
export function checkSaslOptions(value: unknown, source = "sasl"): Required<SaslOptions> {
  const fail = (what: string): never => {
    throw new Error(`${source}: ${what} (expected {"users": {"alice": "alice-secret"}, "mechanisms": [${SASL_MECHANISMS.map((m) => `"${m}"`).join(", ")}]}, "mechanisms" optional)`);
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("not a JSON object");
  const { users, mechanisms = [...SASL_MECHANISMS], ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) fail(`unknown key ${JSON.stringify(unknown[0])}`);
  if (typeof users !== "object" || users === null || Array.isArray(users)) return fail(`"users" must be an object of user name → password`);
  const entries = Object.entries(users as Record<string, unknown>);
  if (entries.length === 0) fail(`"users" is empty: name at least one user`);
  for (const [name, password] of entries) {
    if (name === "" || name.includes("\0")) fail(`user name ${JSON.stringify(name)} must be non-empty and without NUL characters`);
    if (typeof password !== "string" || password === "" || password.includes("\0")) fail(`the password of "${name}" must be a non-empty string without NUL characters`);
  }
  if (!Array.isArray(mechanisms) || mechanisms.length === 0) return fail(`"mechanisms" must be a non-empty list`);
  for (const m of mechanisms) if (!SASL_MECHANISMS.includes(m)) fail(`unknown mechanism ${JSON.stringify(m)}`);
  return { users: Object.fromEntries(entries) as Record<string, string>, mechanisms: [...new Set(mechanisms as SaslMechanism[])] };
}

/** The brokers' view of the users: password checks for PLAIN, derived credentials for SCRAM. */
export class SaslUsers {
  readonly mechanisms: readonly SaslMechanism[];
  private readonly passwords: Map<string, Uint8Array>;
  private readonly scram = new Map<string, Promise<ScramCredential>>();

  constructor(options: SaslOptions) {
    const checked = checkSaslOptions(options);
    this.mechanisms = checked.mechanisms;
    this.passwords = new Map(Object.entries(checked.users).map(([name, pw]) => [name, utf8(pw)]));
  }

  /** The password of `user` (UTF-8), or undefined for an unknown user. */
  password(user: string): Uint8Array | undefined {
    return this.passwords.get(user);
  }

  /** The SCRAM credential of `user` for `mechanism`, derived on first use. */
  scramCredential(user: string, mechanism: "SCRAM-SHA-256" | "SCRAM-SHA-512"): Promise<ScramCredential> | undefined {
    const password = this.passwords.get(user);
    if (!password) return undefined;
    const key = `${mechanism}\0${user}`;
    let credential = this.scram.get(key);
    if (!credential) {
      credential = scramCredential(mechanism === "SCRAM-SHA-256" ? "SHA-256" : "SHA-512", password, randomBytes(16), SCRAM_ITERATIONS);
      this.scram.set(key, credential);
    }
    return credential;
  }
}
