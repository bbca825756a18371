// The few cryptographic primitives SASL needs, from WebCrypto (the global
// `crypto`), so the cluster core stays free of Node modules: it runs in a
// browser too (../core.ts). Every call is asynchronous, as WebCrypto is.

export type HashName = "SHA-256" | "SHA-512";

const subtle = () => globalThis.crypto.subtle;

export async function digest(hash: HashName, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest(hash, data));
}

export async function hmac(hash: HashName, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const k = await subtle().importKey("raw", key, { name: "HMAC", hash }, false, ["sign"]);
  return new Uint8Array(await subtle().sign("HMAC", k, data));
}

/** RFC 5802's Hi(): PBKDF2 with HMAC-`hash`, one block as long as the hash. */
export async function pbkdf2(hash: HashName, password: Uint8Array, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const k = await subtle().importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
  const bits = hash === "SHA-256" ? 256 : 512;
  return new Uint8Array(await subtle().deriveBits({ name: "PBKDF2", hash, salt, iterations }, k, bits));
}

export function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** Compares two byte strings in time that depends only on their lengths. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.map((x, i) => x ^ (b[i] ?? 0));
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
