// SASL/PLAIN as Kafka's PlainSaslServer answers it.
import { describe, expect, it } from "vitest";
import { utf8 } from "./crypto";
import { SaslFailure } from "./exchange";
import { plainExchange } from "./plain";
import { SaslUsers } from "./users";

const users = new SaslUsers({ users: { alice: "alice-secret", bob: "b\u00f6b" } });
const evaluate = (token: string) => plainExchange(users).evaluate(utf8(token));

describe("SASL/PLAIN server (RFC 4616)", () => {
  it("accepts the right password, with or without an authorization id equal to the user", async () => {
    expect(await evaluate("\0alice\0alice-secret")).toEqual({ challenge: new Uint8Array(0), user: "alice" });
    expect((await evaluate("bob\0bob\0b\u00f6b")).user).toBe("bob");
  });

  it.each([
    ["\0alice\0wrong", "Authentication failed: Invalid username or password"],
    ["\0alice\0alice-secre", "Authentication failed: Invalid username or password"],
    ["\0mallory\0alice-secret", "Authentication failed: Invalid username or password"],
    ["bob\0alice\0alice-secret", "Authentication failed: Client requested an authorization id that is different from username"],
    ["\0\0alice-secret", "Authentication failed during authentication due to invalid credentials with SASL mechanism PLAIN"],
    ["alice-secret", "Authentication failed during authentication due to invalid credentials with SASL mechanism PLAIN"],
  ])("refuses %j with Kafka's message", async (token, message) => {
    const err = await evaluate(token).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SaslFailure);
    expect((err as Error).message).toBe(message);
  });
});
