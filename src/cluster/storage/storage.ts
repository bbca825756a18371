// Where a cluster keeps what must survive a restart. Only the interface
// lives here, so the in-memory cluster (and a browser bundle) never imports
// a file system; ./file-storage.ts is the Node implementation behind
// `--data-dir`.
import type { AclBinding } from "../acls/model";
import type { Journal } from "../coordination/journal";
import type { DynamicBrokerConfigs } from "../configs/store";
import type { LogFiles } from "../log/segments";

/** A partition's placement and leadership, which survive a restart as Kafka's controller keeps them. */
export type StoredPartition = {
  replicas: number[];
  leader?: number;
  leaderEpoch?: number;
  isr?: number[];
  /** Moved by DeleteRecords; a decimal string (offsets are 64-bit). */
  logStartOffset?: string;
  /** A reassignment in progress (see ../state/reassignment.ts). */
  addingReplicas?: number[];
  removingReplicas?: number[];
};

export type StoredTopic = { name: string; configs?: Record<string, string>; partitions: StoredPartition[] };

export type StoredMetadata = { topics: StoredTopic[]; brokerConfigs?: DynamicBrokerConfigs; acls?: AclBinding[] };

export interface ClusterStorage {
  /** Where it lives, for messages ("data in DIR"). */
  readonly location: string;
  loadMetadata(): StoredMetadata;
  saveMetadata(metadata: StoredMetadata): void;
  /** Opens (creating if needed) a partition's segments, reading those already there. */
  openLog(topic: string, partition: number): LogFiles;
  /** A coordinator's journal ("groups", "transactions"). */
  openJournal(name: string): Journal;
}

/**
 * Stored data that cannot be used (a file in the way, unreadable, damaged)
 * or written: the message says which file and what to do. The cluster never
 * deletes or rewrites such data to get going.
 */
export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageError";
  }
}
