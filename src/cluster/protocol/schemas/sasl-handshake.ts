// SaslHandshake (17), v0-1. We speak PLAINTEXT only: the handler answers
// UNSUPPORTED_SASL_MECHANISM with an empty mechanism list.
import { arrayOf, f, type ApiSchema } from "../schema";

export const saslHandshake: ApiSchema = {
  apiKey: 17, name: "SaslHandshake", versions: "0-1", flexible: "none",
  request: [f("Mechanism", "string", "0+")],
  response: [f("ErrorCode", "int16", "0+"), f("Mechanisms", arrayOf("string"), "0+")],
};
