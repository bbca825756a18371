// The SCRAM server against RFC 7677's SCRAM-SHA-256 example (section 3),
// byte for byte, and the ways an exchange must be refused.
import { createHash, createHmac, pbkdf2Sync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { utf8 } from "./crypto";
import { SaslFailure } from "./exchange";
import { scramCredential, scramExchange, type ScramCredential } from "./scram";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

// RFC 7677 section 3: user "user", password "pencil", 4096 iterations.
const RFC = {
  clientFirst: "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
  serverNonce: "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
  salt: "W22ZaJ0SNY7soEsUEjb6gQ==",
  serverFirst: "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
  clientFinal: "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
  serverFinal: "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
};
const INVALID = "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256";

const pencil = scramCredential("SHA-256", utf8("pencil"), Buffer.from(RFC.salt, "base64"), 4096);
const users = new Map<string, Promise<ScramCredential>>([["user", pencil], ["a,b=c", pencil]]);
const exchange = () => scramExchange("SCRAM-SHA-256", (u) => users.get(u), () => RFC.serverNonce);

/** A client's final message written with Node's crypto (not the code under test), for any hash, nonce and salt. */
function clientFinal(hash: "sha256" | "sha512", password: string, clientFirstBare: string, serverFirst: string, nonce: string): { message: string; serverSignature: string } {
  const attrs = Object.fromEntries(serverFirst.split(",").map((kv) => [kv[0], kv.slice(2)]));
  const salted = pbkdf2Sync(password, Buffer.from(attrs.s, "base64"), Number(attrs.i), hash === "sha256" ? 32 : 64, hash);
  const clientKey = createHmac(hash, salted).update("Client Key").digest();
  const withoutProof = `c=biws,r=${nonce}`;
  const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
  const signature = createHmac(hash, createHash(hash).update(clientKey).digest()).update(authMessage).digest();
  const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i]));
  const serverSignature = createHmac(hash, createHmac(hash, salted).update("Server Key").digest()).update(authMessage).digest("base64");
  return { message: `${withoutProof},p=${proof.toString("base64")}`, serverSignature: `v=${serverSignature}` };
}

async function refusal(steps: string[]): Promise<SaslFailure> {
  const ex = exchange();
  try {
    for (const step of steps) await ex.evaluate(utf8(step));
  } catch (err) {
    expect(err).toBeInstanceOf(SaslFailure);
    return err as SaslFailure;
  }
  throw new Error(`accepted ${JSON.stringify(steps)}`);
}

describe("SCRAM-SHA-256 server (RFC 5802, RFC 7677)", () => {
  it("answers RFC 7677's example exactly and accepts its proof", async () => {
    const ex = exchange();
    const first = await ex.evaluate(utf8(RFC.clientFirst));
    expect(text(first.challenge)).toBe(RFC.serverFirst);
    expect(first.user).toBeUndefined();
    const final = await ex.evaluate(utf8(RFC.clientFinal));
    expect(text(final.challenge)).toBe(RFC.serverFinal);
    expect(final.user).toBe("user");
  });

  it("refuses a wrong proof, an unknown user, a changed nonce or channel binding, and a third message, with Kafka's message", async () => {
    const wrongProof = RFC.clientFinal.replace("p=dHzb", "p=dHzc");
    expect((await refusal([RFC.clientFirst, wrongProof])).message).toBe(INVALID);
    expect((await refusal(["n,,n=nobody,r=abc"])).message).toBe(INVALID);
    expect((await refusal([RFC.clientFirst, RFC.clientFinal.replace("hNlF$k0,", "hNlF$k1,")])).message).toBe(INVALID);
    expect((await refusal([RFC.clientFirst, RFC.clientFinal.replace("c=biws", "c=eSws")])).message).toBe(INVALID);
    expect((await refusal([RFC.clientFirst, RFC.clientFinal, RFC.clientFinal])).message).toBe(INVALID);
  });

  it("runs SCRAM-SHA-512 against a client written with Node's crypto", async () => {
    const credential = scramCredential("SHA-512", utf8("p\u00e4ss"), Buffer.from("salt-of-the-earth"), 4096);
    const ex = scramExchange("SCRAM-SHA-512", (u) => (u === "bob" ? credential : undefined));
    const serverFirst = text((await ex.evaluate(utf8("n,,n=bob,r=abc123"))).challenge);
    expect(serverFirst).toMatch(/^r=abc123[^,]+,s=c2FsdC1vZi10aGUtZWFydGg=,i=4096$/);
    const final = clientFinal("sha512", "p\u00e4ss", "n=bob,r=abc123", serverFirst, serverFirst.split(",")[0].slice(2));
    const done = await ex.evaluate(utf8(final.message));
    expect(text(done.challenge)).toBe(final.serverSignature);
    expect(done.user).toBe("bob");
  });

  it("accepts librdkafka's repeated client nonce (before 2.6.1), as Kafka 3.9 does, and nothing else in front", async () => {
    const serverFirstOf = async (ex: ReturnType<typeof exchange>) => text((await ex.evaluate(utf8("n,,n=user,r=cnonce"))).challenge);
    const repeated = exchange();
    const serverFirst = await serverFirstOf(repeated);
    const combined = serverFirst.split(",")[0].slice(2);
    const final = clientFinal("sha256", "pencil", "n=user,r=cnonce", serverFirst, `cnonce${combined}`);
    expect(text((await repeated.evaluate(utf8(final.message))).challenge)).toBe(final.serverSignature);
    const truncated = exchange();
    await serverFirstOf(truncated);
    await expect(truncated.evaluate(utf8(clientFinal("sha256", "pencil", "n=user,r=cnonce", serverFirst, combined.slice(0, -1)).message))).rejects.toThrow(INVALID);
  });

  it("refuses channel binding, malformed messages and a reserved extension", async () => {
    for (const first of ["p=tls-unique,,n=user,r=abc", "n,,r=abc,n=user", "n,,n=user", "n,,n=us=er,r=abc", "n,,m=x,n=user,r=abc", "n,,n=user,r=a,b"]) {
      expect((await refusal([first])).message, first).toBe(INVALID);
    }
  });

  it("refuses an authorization id other than the user, as Kafka does, and reads escaped names", async () => {
    expect((await refusal(["n,a=admin,n=user,r=abc"])).message).toBe("Authentication failed: Client requested an authorization id that is different from username");
    const first = await exchange().evaluate(utf8("n,a=user,n=user,r=abc"));
    expect(text(first.challenge)).toMatch(/^r=abc/);
    const escaped = await exchange().evaluate(utf8("n,,n=a=2Cb=3Dc,r=abc"));
    expect(text(escaped.challenge)).toMatch(/^r=abc%hvY/);
  });
});
