// The cluster's storage in a data directory (Node only): topics.json, one
// log file per partition under logs/, and one journal per coordinator.
import * as path from "node:path";
import type { ClusterStorage } from "./storage";
import { openJournalFile } from "./journal-file";
import { loadTopics, saveTopics } from "./metadata-file";
import { openSegment, readSegment, segmentPath } from "./segment-file";

/** Storage under `dataDir` (created on first write). */
export function fileStorage(dataDir: string): ClusterStorage {
  return {
    location: dataDir,
    loadTopics: () => loadTopics(dataDir),
    saveTopics: (topics) => saveTopics(dataDir, topics),
    readSegment: (topic, partition) => readSegment(segmentPath(dataDir, topic, partition)),
    openSegment: (topic, partition) => openSegment(segmentPath(dataDir, topic, partition)),
    openJournal: (name) => openJournalFile(path.join(dataDir, `${name}.journal`)),
  };
}
