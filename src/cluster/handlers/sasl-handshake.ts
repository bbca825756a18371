// SaslHandshake (17). The embedded cluster listens in PLAINTEXT only,
// so every mechanism is refused with an empty list of enabled ones.
import { ErrorCode } from "../protocol";
import type { Handler } from "./handler";
import { saslHandshake as schema } from "../protocol/schemas/sasl-handshake";

export const saslHandshake: Handler = {
  schema,
  handle: () => ({ errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: [] }),
};
