// What a consumer did, message by message: when each one started and took
// effect, how many were in flight at once (overall and per partition), and
// in which order each key's messages took effect. Lessons check their claims
// about consumer-side ordering against this record.

export type Operation = { partition: number; key: string; seq: number; offset: number };
export type Processed = Operation & { start: number; end: number };

export class ProcessingLog {
  private origin: number | undefined;
  private inFlight = 0;
  private inFlightPer = new Map<number, number>();
  private peak = 0;
  private peakPer = 0;
  /** Finished operations, in the order they took effect. */
  readonly done: Processed[] = [];

  /** Failed attempts, in the order they failed (ms since the first start). */
  readonly failures: (Operation & { at: number; error: string })[] = [];

  /**
   * Runs `work` for `op` and records it: counted in flight while it runs,
   * then applied (in the order runs finish) or, if `work` throws, recorded as
   * a failed attempt and the error rethrown.
   */
  async run(op: Operation, work: () => Promise<void>): Promise<void> {
    const now = performance.now();
    this.origin ??= now;
    const start = now - this.origin;
    this.inFlight++;
    const mine = (this.inFlightPer.get(op.partition) ?? 0) + 1;
    this.inFlightPer.set(op.partition, mine);
    this.peak = Math.max(this.peak, this.inFlight);
    this.peakPer = Math.max(this.peakPer, mine);
    try {
      await work();
      this.done.push({ ...op, start, end: performance.now() - this.origin });
    } catch (err) {
      this.failures.push({ ...op, at: performance.now() - this.origin, error: (err as Error).message });
      throw err;
    } finally {
      this.inFlight--;
      this.inFlightPer.set(op.partition, this.inFlightPer.get(op.partition)! - 1);
    }
  }

  /** Where `key`'s message `seq` took effect: its index in {@link done}, or -1. */
  indexOf(key: string, seq: number): number {
    return this.done.findIndex((d) => d.key === key && d.seq === seq);
  }

  /** The most operations in flight at once, across all partitions. */
  get maxInFlight(): number {
    return this.peak;
  }

  /** The most operations of one partition in flight at once. */
  get maxInFlightPerPartition(): number {
    return this.peakPer;
  }

  /** When the last operation took effect (ms since the first start). */
  get elapsedMs(): number {
    return Math.round(Math.max(0, ...this.done.map((d) => d.end)));
  }

  /** Distinct (key, seq) pairs applied: what "every message took effect" counts. */
  get distinctApplied(): number {
    return new Set(this.done.map((d) => `${d.key}\u0000${d.seq}`)).size;
  }

  /** Operations applied more than once. */
  get duplicates(): number {
    return this.done.length - this.distinctApplied;
  }

  /** Each key's sequence numbers in the order they took effect. */
  orderPerKey(): Map<string, number[]> {
    const out = new Map<string, number[]>();
    for (const d of this.done) out.set(d.key, [...(out.get(d.key) ?? []), d.seq]);
    return out;
  }

  /** Keys whose messages did not take effect in sequence order (a later one before an earlier one). */
  keysOutOfOrder(): string[] {
    return [...this.orderPerKey()].filter(([, seqs]) => seqs.some((s, i) => i > 0 && s < seqs[i - 1])).map(([key]) => key).sort();
  }

  /** Rows for `processingTimeline`. */
  timeline(mode: string): { mode: string; partition: number; key: string; seq: number; start: number; end: number }[] {
    return this.done.map((d) => ({ mode, partition: d.partition, key: d.key, seq: d.seq, start: Math.round(d.start), end: Math.round(d.end) }));
  }

  /** Rows for `appliedOrder`: the n-th applied message of each key and its sequence number. */
  appliedRows(strategy: string, keys?: string[]): { strategy: string; key: string; position: number; seq: number }[] {
    return [...this.orderPerKey()]
      .filter(([key]) => !keys || keys.includes(key))
      .flatMap(([key, seqs]) => seqs.map((seq, i) => ({ strategy, key, position: i + 1, seq })));
  }
}
