// SASL/PLAIN (RFC 4616) as Kafka's PlainSaslServer checks it: one token,
// "[authzid] NUL authcid NUL passwd"; an authorization id, when given, must
// be the user name. The messages are Kafka's.
import { digest, sameBytes, utf8 } from "./crypto";
import { invalidCredentials, SaslFailure, type SaslExchange } from "./exchange";
import type { SaslUsers } from "./users";

export function plainExchange(users: SaslUsers): SaslExchange {
  return {
    mechanism: "PLAIN",
    async evaluate(token) {
      const [authzid = "", user = "", password = ""] = new TextDecoder().decode(token).split("\0");
      if (user === "" || password === "") throw invalidCredentials("PLAIN");
      const expected = users.password(user);
      // Compare digests so that the time taken says nothing about the password's length or prefix.
      const given = await digest("SHA-256", utf8(password));
      if (!expected || !sameBytes(given, await digest("SHA-256", expected))) {
        throw new SaslFailure("Authentication failed: Invalid username or password");
      }
      if (authzid !== "" && authzid !== user) {
        throw new SaslFailure("Authentication failed: Client requested an authorization id that is different from username");
      }
      return { challenge: new Uint8Array(0), user };
    },
  };
}
