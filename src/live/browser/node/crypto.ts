// `node:crypto` in the browser: random values from Web Crypto; hashes (only
// SASL/SCRAM needs them) are not available.
function bytes(size: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(size));
}

export function randomBytes(size: number): Buffer {
  return Buffer.from(bytes(size));
}

export function randomUUID(): string {
  const b = bytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function unavailable(name: string): never {
  throw new Error(`crypto.${name} is not available in the browser (SASL/SCRAM needs Node)`);
}

export const createHash = () => unavailable("createHash");
export const createHmac = () => unavailable("createHmac");
export const pbkdf2Sync = () => unavailable("pbkdf2Sync");
export default { randomBytes, randomUUID, createHash, createHmac, pbkdf2Sync };
