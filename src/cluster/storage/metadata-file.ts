// The cluster's topic metadata on disk (names, partition leaders and
// replicas), replaced atomically by write-to-temp + fsync + rename so a crash
// leaves either the old or the new version, never half of one.
import * as fs from "node:fs";
import * as path from "node:path";
import type { StoredTopic } from "./storage";

const FILE = "topics.json";

export function loadTopics(dataDir: string): StoredTopic[] {
  const file = path.join(dataDir, FILE);
  if (!fs.existsSync(file)) return [];
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { topics: StoredTopic[] };
    return parsed.topics;
  } catch (err) {
    throw new Error(`cannot read ${file} (${(err as Error).message}); move the data directory away to start empty`);
  }
}

export function saveTopics(dataDir: string, topics: StoredTopic[]): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, FILE);
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, "w");
  try {
    fs.writeSync(fd, JSON.stringify({ topics }, null, 1));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
