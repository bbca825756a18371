// Writing a transaction's commit or abort markers. A marker that cannot be
// written yet (its partition has no live leader, its log failed to write) is
// tried again after a backoff until it is, as Kafka's
// TransactionMarkerChannelManager keeps retrying its pending markers: the
// transaction stays in PrepareCommit/PrepareAbort meanwhile, never stuck there
// until a restart.
import type { Clock } from "../coordination/clock";
import type { TopicPartition, TxnEffects } from "./coordinator";

/** Kafka's retry.backoff.ms default. */
export const MARKER_RETRY_MS = 100;

export class MarkerWriter {
  private readonly cancels = new Set<() => void>();
  private closed = false;

  constructor(private readonly effects: TxnEffects, private readonly clock: Clock, private readonly onError: (err: unknown) => void = () => {}) {}

  /** Writes a marker to each partition that still exists; returns those whose marker could not be written. */
  async write(partitions: TopicPartition[], producerId: bigint, producerEpoch: number, commit: boolean): Promise<TopicPartition[]> {
    const pending: TopicPartition[] = [];
    for (const tp of partitions) {
      if (!this.effects.partitionExists(tp)) continue;
      try {
        await this.effects.writeMarker(tp, producerId, producerEpoch, commit);
      } catch (err) {
        this.onError(err);
        pending.push(tp);
      }
    }
    return pending;
  }

  /** Runs `attempt` after the backoff (unless closed first). */
  retryLater(attempt: () => Promise<void>): void {
    if (this.closed) return;
    const cancel = this.clock.schedule(MARKER_RETRY_MS, () => {
      this.cancels.delete(cancel);
      attempt().catch(this.onError);
    });
    this.cancels.add(cancel);
  }

  close(): void {
    this.closed = true;
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
  }
}
