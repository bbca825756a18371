/**
 * The first index in [0, length) for which `isBefore` is false, where
 * `isBefore` holds for a prefix of the indexes (a binary search over any
 * sorted list: batches by offset, index entries by offset or timestamp).
 */
export function lowerBound(length: number, isBefore: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
