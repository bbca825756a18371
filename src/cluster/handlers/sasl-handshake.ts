// SaslHandshake (17), v0-1. The embedded cluster listens in PLAINTEXT only,
// so every mechanism is refused with an empty list of enabled ones.
import { ErrorCode } from "../protocol";
import type { Handler } from "./context";

export const saslHandshake: Handler = {
  apiKey: 17,
  name: "SaslHandshake",
  minVersion: 0,
  maxVersion: 1,
  handle: () => ({ errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: [] }),
  errorResponse: (_body, errorCode) => ({ errorCode, mechanisms: [] }),
};
