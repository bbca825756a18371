// The cluster's metadata on disk (topics.json: topics with their configs,
// partition replicas, leaders, epochs, ISRs and log start offsets, the
// dynamic broker configs and the ACLs), replaced atomically by write-to-temp + fsync +
// rename so a crash leaves either the old or the new version. A file that
// cannot be read is reported and left alone, never overwritten.
import * as fs from "node:fs";
import * as path from "node:path";
import { writeFully } from "./append-file";
import { StorageError, type StoredMetadata } from "./storage";

const FILE = "topics.json";

const isIdList = (v: unknown) => Array.isArray(v) && v.every((x) => Number.isInteger(x));
const isConfigMap = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");

const isAcl = (a: unknown) => {
  const acl = a as Record<string, unknown>;
  return typeof acl === "object" && acl !== null && ["resourceName", "principal", "host"].every((k) => typeof acl[k] === "string")
    && ["resourceType", "patternType", "operation", "permissionType"].every((k) => Number.isInteger(acl[k]));
};

/** Why `parsed` is not topics.json as this cluster writes it, or undefined. */
function shapeProblem(parsed: unknown): string | undefined {
  const m = parsed as StoredMetadata;
  if (typeof m !== "object" || m === null || !Array.isArray(m.topics)) return 'no "topics" list';
  for (const t of m.topics) {
    if (typeof t?.name !== "string" || !Array.isArray(t.partitions)) return "a topic without a name or partitions";
    if (t.configs !== undefined && !isConfigMap(t.configs)) return `topic ${t.name}: configs are not strings`;
    if (!t.partitions.every((p) => isIdList(p?.replicas) && p.replicas.length > 0 && (p.isr === undefined || isIdList(p.isr)))) return `topic ${t.name}: a partition without replicas`;
  }
  if (m.acls !== undefined && !(Array.isArray(m.acls) && m.acls.every(isAcl))) return "an ACL without its seven fields";
  return undefined;
}

export function loadMetadata(dataDir: string): StoredMetadata {
  const file = path.join(dataDir, FILE);
  if (!fs.existsSync(file)) return { topics: [] };
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new StorageError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check that it is a readable file`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new StorageError(`${file} is not valid JSON (${(err as Error).message}); restore it from a backup, or move the data directory away to start empty`);
  }
  const problem = shapeProblem(parsed);
  if (problem) throw new StorageError(`${file} is not valid cluster metadata (${problem}); restore it from a backup, or move the data directory away to start empty`);
  return parsed as StoredMetadata;
}

export function saveMetadata(dataDir: string, metadata: StoredMetadata): void {
  const file = path.join(dataDir, FILE);
  const tmp = `${file}.tmp`;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const fd = fs.openSync(tmp, "w");
    try {
      writeFully(fs, fd, Buffer.from(JSON.stringify(metadata, null, 1)));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    throw new StorageError(`cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}
