// SASL/SCRAM-SHA-256 and -512: the server side of RFC 5802 (with RFC 7677
// for SHA-256), as Kafka's ScramSaslServer runs it. Two rounds:
//   client-first  "n,,n=user,r=<client nonce>"
//   server-first  "r=<client nonce><server nonce>,s=<salt>,i=<iterations>"
//   client-final  "c=biws,r=<both nonces>,p=<proof>"
//   server-final  "v=<server signature>"
// No channel binding ("n" or "y" flags only, as Kafka). Every refusal says
// only "invalid credentials" (Kafka's message), whatever went wrong.
import { digest, hmac, pbkdf2, randomBytes, sameBytes, utf8, xor, type HashName } from "./crypto";
import { invalidCredentials, SaslFailure, type SaslExchange } from "./exchange";

export type ScramMechanism = "SCRAM-SHA-256" | "SCRAM-SHA-512";

/** What the server keeps of a password (RFC 5802 section 3). */
export type ScramCredential = { hash: HashName; salt: Uint8Array; iterations: number; storedKey: Uint8Array; serverKey: Uint8Array };

/** Derives the stored credential of `password` (UTF-8 bytes, as Kafka's ScramFormatter uses them, without SASLprep). */
export async function scramCredential(hash: HashName, password: Uint8Array, salt: Uint8Array, iterations: number): Promise<ScramCredential> {
  const salted = await pbkdf2(hash, password, salt, iterations);
  const clientKey = await hmac(hash, salted, utf8("Client Key"));
  return { hash, salt, iterations, storedKey: await digest(hash, clientKey), serverKey: await hmac(hash, salted, utf8("Server Key")) };
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** A nonce is printable ASCII without ",". */
const NONCE = /^[\x21-\x2b\x2d-\x7e]+$/;

/** "=2C" and "=3D" stand for "," and "=" in a SCRAM user name; any other "=" is malformed. */
function decodeSaslName(name: string): string | undefined {
  if (/=(?!2C|3D)/.test(name)) return undefined;
  return name.replace(/=2C/g, ",").replace(/=3D/g, "=");
}

type ClientFirst = { gs2Header: string; authzid: string; user: string; nonce: string; bare: string };

function parseClientFirst(text: string): ClientFirst | undefined {
  const m = /^([ny]),(?:a=([^,]*))?,(n=([^,]*),r=([^,]*)(?:,[A-Za-z]+=[^,]*)*)$/s.exec(text);
  if (!m) return undefined;
  const [, , authzid = "", bare, name, nonce] = m;
  const user = decodeSaslName(name);
  const decodedAuthzid = decodeSaslName(authzid);
  if (!user || decodedAuthzid === undefined || !NONCE.test(nonce)) return undefined;
  return { gs2Header: text.slice(0, text.length - bare.length), authzid: decodedAuthzid, user, nonce, bare };
}

type ClientFinal = { channelBinding: string; nonce: string; proof: Uint8Array; withoutProof: string };

function parseClientFinal(text: string): ClientFinal | undefined {
  const m = /^(c=([^,]*),r=([^,]*)(?:,[A-Za-z]+=[^,]*)*),p=([^,]*)$/s.exec(text);
  if (!m || !BASE64.test(m[4])) return undefined;
  return { withoutProof: m[1], channelBinding: m[2], nonce: m[3], proof: Buffer.from(m[4], "base64") };
}

/**
 * The server side of one SCRAM exchange. `lookup` finds a user's credential;
 * `serverNonce` is injectable so tests can replay RFC 7677's example.
 */
export function scramExchange(
  mechanism: ScramMechanism,
  lookup: (user: string) => Promise<ScramCredential> | undefined,
  serverNonce: () => string = () => toBase64(randomBytes(18)),
): SaslExchange {
  let first: (ClientFirst & { combinedNonce: string; serverFirst: string; credential: ScramCredential }) | undefined;
  let finished = false;

  async function receiveFirst(text: string): Promise<string> {
    const client = parseClientFirst(text);
    const credential = client && (await lookup(client.user));
    if (!client || !credential) throw invalidCredentials(mechanism);
    if (client.authzid !== "" && client.authzid !== client.user) {
      throw new SaslFailure("Authentication failed: Client requested an authorization id that is different from username");
    }
    const combinedNonce = client.nonce + serverNonce();
    const serverFirst = `r=${combinedNonce},s=${toBase64(credential.salt)},i=${credential.iterations}`;
    first = { ...client, combinedNonce, serverFirst, credential };
    return serverFirst;
  }

  async function receiveFinal(text: string, f: NonNullable<typeof first>): Promise<string> {
    const client = parseClientFinal(text);
    const { hash, storedKey, serverKey } = f.credential;
    // Kafka 3.8.1-3.9 accept a nonce that ends with the combined one, because librdkafka before 2.6.1
    // repeats its client nonce (librdkafka#4895; Debian 12's kcat and confluent-kafka do). Kafka 4.x
    // wants exact equality and refuses those clients. The proof covers the message either way.
    if (!client || client.channelBinding !== toBase64(utf8(f.gs2Header)) || !client.nonce.endsWith(f.combinedNonce)) {
      throw invalidCredentials(mechanism);
    }
    const authMessage = utf8(`${f.bare},${f.serverFirst},${client.withoutProof}`);
    const clientSignature = await hmac(hash, storedKey, authMessage);
    const clientKey = xor(client.proof, clientSignature);
    if (client.proof.length !== storedKey.length || !sameBytes(await digest(hash, clientKey), storedKey)) throw invalidCredentials(mechanism);
    return `v=${toBase64(await hmac(hash, serverKey, authMessage))}`;
  }

  return {
    mechanism,
    async evaluate(token) {
      const text = new TextDecoder().decode(token);
      if (finished) throw invalidCredentials(mechanism);
      const round = first;
      // One attempt only: after a refusal, or once complete, every further token is refused.
      finished = round !== undefined;
      try {
        if (!round) return { challenge: utf8(await receiveFirst(text)) };
        return { challenge: utf8(await receiveFinal(text, round)), user: round.user };
      } catch (err) {
        finished = true;
        throw err;
      }
    },
  };
}
