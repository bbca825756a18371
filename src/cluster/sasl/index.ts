// SASL for the embedded cluster: the mechanisms Kafka ships for passwords
// (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512) and the users they check. The
// connection's SASL gate (../server/authentication.ts) drives them.
import type { SaslExchange, SaslMechanism } from "./exchange";
import { plainExchange } from "./plain";
import { scramExchange } from "./scram";
import type { SaslUsers } from "./users";

export { SASL_MECHANISMS, SaslFailure, type SaslExchange, type SaslMechanism } from "./exchange";
export { checkSaslOptions, SaslUsers, type SaslOptions } from "./users";

/** A fresh server-side exchange of `mechanism` for one connection. */
export function startExchange(mechanism: SaslMechanism, users: SaslUsers): SaslExchange {
  if (mechanism === "PLAIN") return plainExchange(users);
  return scramExchange(mechanism, (user) => users.scramCredential(user, mechanism));
}
