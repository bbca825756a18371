// SaslAuthenticate (36) once SASL is behind the connection: ILLEGAL_SASL_STATE
// with Kafka's own message (KafkaApis.handleSaslAuthenticateRequest). Before
// authentication the connection's SASL gate answers it
// (../server/authentication.ts).
import { ErrorCode } from "../protocol";
import type { Handler } from "./handler";
import { saslAuthenticate as schema } from "../protocol/schemas/sasl-authenticate";

export const saslAuthenticate: Handler = {
  schema,
  handle: () => ({
    errorCode: ErrorCode.ILLEGAL_SASL_STATE,
    errorMessage: "SaslAuthenticate request received after successful authentication",
    authBytes: Buffer.alloc(0),
    sessionLifetimeMs: 0n,
  }),
};
