// The users file: what it accepts, and errors that say what to fix.
import { describe, expect, it } from "vitest";
import { checkSaslOptions, SaslUsers } from "./users";

describe("SASL users", () => {
  it("enables all three mechanisms unless told otherwise", () => {
    expect(checkSaslOptions({ users: { alice: "s" } })).toEqual({ users: { alice: "s" }, mechanisms: ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] });
    expect(checkSaslOptions({ users: { alice: "s" }, mechanisms: ["SCRAM-SHA-512"] }).mechanisms).toEqual(["SCRAM-SHA-512"]);
  });

  it.each([
    [[], /users\.json: not a JSON object/],
    [{ user: { alice: "s" } }, /unknown key "user"/],
    [{ users: {} }, /"users" is empty/],
    [{ users: ["alice"] }, /"users" must be an object/],
    [{ users: { alice: 7 } }, /the password of "alice" must be a non-empty string/],
    [{ users: { alice: "" } }, /the password of "alice"/],
    [{ users: { alice: "s" }, mechanisms: ["GSSAPI"] }, /unknown mechanism "GSSAPI"/],
    [{ users: { alice: "s" }, mechanisms: [] }, /"mechanisms" must be a non-empty list/],
  ])("refuses %j", (value, message) => {
    expect(() => checkSaslOptions(value, "users.json")).toThrow(message);
  });

  it("never puts a password in an error", () => {
    expect(() => checkSaslOptions({ users: { alice: "top-secret\0" } }, "users.json")).toThrow(/password of "alice"/);
    expect(() => checkSaslOptions({ users: { alice: "top-secret\0" } }, "users.json")).not.toThrow(/top-secret/);
  });

  it("derives one SCRAM credential per user and mechanism, salted at random, 4096 iterations", async () => {
    const users = new SaslUsers({ users: { alice: "s", bob: "s" } });
    const a = await users.scramCredential("alice", "SCRAM-SHA-256")!;
    expect(await users.scramCredential("alice", "SCRAM-SHA-256")).toBe(a);
    const b = await users.scramCredential("bob", "SCRAM-SHA-256")!;
    expect(Buffer.from(a.salt).equals(Buffer.from(b.salt))).toBe(false);
    expect(Buffer.from(a.storedKey).equals(Buffer.from(b.storedKey))).toBe(false);
    expect((await users.scramCredential("alice", "SCRAM-SHA-512"))!.storedKey).toHaveLength(64);
    expect(a.iterations).toBe(4096);
    expect(users.scramCredential("mallory", "SCRAM-SHA-256")).toBeUndefined();
  });
});
