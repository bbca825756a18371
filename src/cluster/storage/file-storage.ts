// The cluster's storage in a data directory (Node only): topics.json, one
// directory of segments per partition under logs/, and one journal per
// coordinator.
import * as fs from "node:fs";
import * as path from "node:path";
import { openJournalFile } from "./journal-file";
import { loadMetadata, saveMetadata } from "./metadata-file";
import { openLogFiles, partitionDir } from "./segment-file";
import { StorageError, type ClusterStorage } from "./storage";

/** Refuses a data directory that cannot be one: a file in its place, or one this process may not read and write. */
function checkDataDir(dataDir: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dataDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return; // created on first write
    if (code === "ENOTDIR") throw new StorageError(`--data-dir ${dataDir} is inside a file, not a directory; give a directory (it is created if missing)`);
    throw new StorageError(`cannot use --data-dir ${dataDir} (${code}); check its permissions`);
  }
  if (!stat.isDirectory()) throw new StorageError(`--data-dir ${dataDir} is a file, not a directory; give a directory (it is created if missing)`);
  try {
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    throw new StorageError(`--data-dir ${dataDir} is not readable and writable by this user; fix its permissions or choose another directory`);
  }
}

/** Storage under `dataDir` (created on first write); throws StorageError when `dataDir` cannot be used. */
export function fileStorage(dataDir: string): ClusterStorage {
  checkDataDir(dataDir);
  return {
    location: dataDir,
    loadMetadata: () => loadMetadata(dataDir),
    saveMetadata: (metadata) => saveMetadata(dataDir, metadata),
    openLog: (topic, partition) => openLogFiles(partitionDir(dataDir, topic, partition)),
    openJournal: (name) => openJournalFile(path.join(dataDir, `${name}.journal`)),
  };
}
