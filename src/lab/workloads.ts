// Deterministic keyed traffic for the lessons: a skewed stream with one hot
// key, and salting a key. Values are "key:seq" (seq counts from 1 per
// original key), so order per key can be checked after any re-keying.

export type KeyedMessage = { key: string; value: string };

/**
 * `total` messages of which `Math.floor(total * hotShare)` carry `hotKey`,
 * spread evenly through the stream; the others cycle through `coldKeys`
 * keys named `${coldPrefix}1`, `${coldPrefix}2`, …
 */
export function skewedTraffic(options: { total: number; hotKey: string; hotShare: number; coldKeys: number; coldPrefix?: string }): KeyedMessage[] {
  const { total, hotKey, hotShare, coldKeys } = options;
  if (!(hotShare >= 0 && hotShare <= 1)) throw new RangeError(`hotShare must be between 0 and 1 (got ${hotShare})`);
  if (!(coldKeys >= 1) && hotShare < 1) throw new RangeError("coldKeys must be at least 1 unless every message is hot");
  const seqs = new Map<string, number>();
  const out: KeyedMessage[] = [];
  let cold = 0;
  for (let i = 0; i < total; i++) {
    // Bresenham-style: a hot message whenever floor((i + 1) * share) steps up.
    const hot = Math.floor((i + 1) * hotShare) > Math.floor(i * hotShare);
    const key = hot ? hotKey : `${options.coldPrefix ?? "key-"}${(cold++ % coldKeys) + 1}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    out.push({ key, value: `${key}:${seq}` });
  }
  return out;
}

/** Salting: `key#n` with n = (seq − 1) mod `salts`, so one key's messages rotate over `salts` record keys. */
export function saltedKey(key: string, seq: number, salts: number): string {
  if (!Number.isInteger(salts) || salts < 1) throw new RangeError(`salts must be a whole number ≥ 1 (got ${salts})`);
  return `${key}#${(seq - 1) % salts}`;
}

/** Splits a "key:seq" value back into the original key and its sequence number. */
export function parseKeySeq(value: string): { key: string; seq: number } {
  const at = value.lastIndexOf(":");
  const seq = Number(value.slice(at + 1));
  if (at < 0 || !Number.isInteger(seq)) throw new Error(`not a "key:seq" value: ${JSON.stringify(value)}`);
  return { key: value.slice(0, at), seq };
}

/** How many pairs of a sequence are out of order (a later position holding a smaller number): 0 means sorted. */
export function inversions(seqs: number[]): number {
  let count = 0;
  for (let i = 0; i < seqs.length; i++) for (let j = i + 1; j < seqs.length; j++) if (seqs[j] < seqs[i]) count++;
  return count;
}

/** `perKey` messages for each of `keys`, interleaved (k1:1, k2:1, …, k1:2, …). */
export function interleavedTraffic(keys: string[], perKey: number): KeyedMessage[] {
  return Array.from({ length: perKey }, (_, i) => keys.map((key) => ({ key, value: `${key}:${i + 1}` }))).flat();
}

/**
 * A simulated processing time for one message, between `min` and `max` ms,
 * fixed per (key, seq) so an experiment is the same every run.
 */
export function simulatedWorkMs(key: string, seq: number, min = 2, max = 30): number {
  let h = 2166136261;
  for (const c of `${key}:${seq}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return min + ((h >>> 0) % (max - min + 1));
}
