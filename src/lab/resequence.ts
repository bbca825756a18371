// A reorder buffer: what a consumer must do to restore one key's order when
// that key's messages arrive over several partitions (e.g. after salting).
// It needs a sequence number per original key, written by the producer.

/**
 * Releases each key's items in sequence order (1, 2, 3, …), holding back any
 * item that arrives before its predecessors.
 */
export class Resequencer<T> {
  private next = new Map<string, number>();
  private buffered = new Map<string, Map<number, T>>();
  private holding = 0;
  /** The most items held back at once. */
  peakHeld = 0;

  /** Accepts one item; returns the items now released in order (possibly none). */
  push(key: string, seq: number, item: T): T[] {
    const expected = this.next.get(key) ?? 1;
    if (seq < expected || this.buffered.get(key)?.has(seq)) return []; // a duplicate: already released or held
    const waiting = this.buffered.get(key) ?? new Map<number, T>();
    this.buffered.set(key, waiting);
    waiting.set(seq, item);
    this.holding++;
    const released: T[] = [];
    let n = expected;
    while (waiting.has(n)) {
      released.push(waiting.get(n)!);
      waiting.delete(n);
      this.holding--;
      n++;
    }
    this.next.set(key, n);
    this.peakHeld = Math.max(this.peakHeld, this.holding);
    return released;
  }

  /** Items held back now, waiting for a missing predecessor. */
  get held(): number {
    return this.holding;
  }

  /** The sequence number `key` waits for next. */
  waitingFor(key: string): number {
    return this.next.get(key) ?? 1;
  }
}
