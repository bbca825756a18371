// SaslAuthenticate (36), v0-2, from Kafka's SaslAuthenticateRequest.json and
// SaslAuthenticateResponse.json: v1 adds the session lifetime, v2 is flexible.
// Before authentication the connection's SASL gate answers it
// (../../server/authentication.ts); the handler answers what Kafka's
// KafkaApis does once a connection is authenticated.
import { f, type ApiSchema } from "../schema";

export const saslAuthenticate: ApiSchema = {
  apiKey: 36, name: "SaslAuthenticate", versions: "0-2", flexible: "2+",
  request: [f("AuthBytes", "bytes", "0+")],
  response: [
    f("ErrorCode", "int16", "0+"),
    f("ErrorMessage", "string", "0+", { nullable: "0+" }),
    f("AuthBytes", "bytes", "0+"),
    f("SessionLifetimeMs", "int64", "1+"),
  ],
};
