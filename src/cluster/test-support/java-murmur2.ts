// An independent reference for tests: Java's Utils.murmur2 written straight
// from the algorithm (not the lab's implementation, which it checks).
export function javaMurmur2(data: Uint8Array): number {
  const m = 0x5bd1e995;
  let h = 0x9747b28c ^ data.length;
  const len4 = data.length >> 2;
  for (let i = 0; i < len4; i++) {
    const o = i * 4;
    let k = data[o] | (data[o + 1] << 8) | (data[o + 2] << 16) | (data[o + 3] << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  const rest = data.length & 3;
  const o = len4 * 4;
  if (rest === 3) h ^= data[o + 2] << 16;
  if (rest >= 2) h ^= data[o + 1] << 8;
  if (rest >= 1) h = Math.imul(h ^ data[o], m);
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** Java's default partitioner for a keyed record. */
export function murmur2Partition(key: string, partitions: number): number {
  return (javaMurmur2(Buffer.from(key, "utf8")) & 0x7fffffff) % partitions;
}
