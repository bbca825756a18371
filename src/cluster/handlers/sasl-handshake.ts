// SaslHandshake (17) once SASL is behind the connection: after a successful
// authentication, or on a listener without SASL. Kafka's KafkaApis answers
// ILLEGAL_SASL_STATE in both cases (re-authentication, KIP-368, is not
// offered). Before authentication the connection's SASL gate answers it
// (../server/authentication.ts).
import { ErrorCode } from "../protocol";
import type { Handler } from "./handler";
import { saslHandshake as schema } from "../protocol/schemas/sasl-handshake";

export const saslHandshake: Handler = {
  schema,
  handle: () => ({ errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms: [] }),
};
