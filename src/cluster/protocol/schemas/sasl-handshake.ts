// SaslHandshake (17), v0-1, from Kafka's SaslHandshakeRequest.json: v1 means
// the SASL tokens that follow travel in SaslAuthenticate requests, v0 that
// they travel as bare size-prefixed frames (../../server/authentication.ts).
import { arrayOf, f, type ApiSchema } from "../schema";

export const saslHandshake: ApiSchema = {
  apiKey: 17, name: "SaslHandshake", versions: "0-1", flexible: "none",
  request: [f("Mechanism", "string", "0+")],
  response: [f("ErrorCode", "int16", "0+"), f("Mechanisms", arrayOf("string"), "0+")],
};
