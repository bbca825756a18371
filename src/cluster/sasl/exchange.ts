// What every SASL mechanism's server side is: a conversation of tokens that
// ends in success or in a failure whose message goes back to the client (as
// Kafka's SaslAuthenticate ErrorMessage).

export const SASL_MECHANISMS = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** A refused authentication; `message` is what the client is told. */
export class SaslFailure extends Error {
  override name = "SaslFailure";
}

/**
 * The message Kafka sends for a failure whose details must not reach an
 * unauthenticated client, e.g. whether the user exists
 * (SaslServerAuthenticator.handleSaslToken).
 */
export function invalidCredentials(mechanism: SaslMechanism): SaslFailure {
  return new SaslFailure(`Authentication failed during authentication due to invalid credentials with SASL mechanism ${mechanism}`);
}

export type SaslStep = {
  /** The bytes for the client (empty when the mechanism has nothing to say). */
  challenge: Uint8Array;
  /** The authenticated user, once the exchange is complete. */
  user?: string;
};

/** One client's exchange; `evaluate` throws SaslFailure to refuse it. */
export interface SaslExchange {
  readonly mechanism: SaslMechanism;
  evaluate(token: Uint8Array): Promise<SaslStep>;
}
