// Where a cluster keeps what must survive a restart. Only the interface
// lives here, so the in-memory cluster (and a browser bundle) never imports
// a file system; ./file-storage.ts is the Node implementation behind
// `--data-dir`.
import type { Journal } from "../coordination/journal";
import type { BatchSink } from "../log/partition-log";

/** Only replica lists are stored: a restarted cluster gives each partition back to its preferred (first) replica, as Kafka's preferred leader election does. */
export type StoredTopic = { name: string; partitions: { replicas: number[] }[] };

export interface ClusterStorage {
  /** Where it lives, for messages ("data in DIR"). */
  readonly location: string;
  loadTopics(): StoredTopic[];
  saveTopics(topics: StoredTopic[]): void;
  /** The intact batches of a partition's log, oldest first. */
  readSegment(topic: string, partition: number): Buffer[];
  openSegment(topic: string, partition: number): BatchSink;
  /** A coordinator's journal ("groups", "transactions"). */
  openJournal(name: string): Journal;
}
