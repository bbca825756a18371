// write(2) may write fewer bytes than asked, or fail half-way (a full disk).
// A short write is continued until the whole batch is on disk; a failed one
// answers the produce KAFKA_STORAGE_ERROR and leaves the segment as it was,
// so the next append does not follow half a batch. Checked across a restart:
// what was acknowledged is read back, nothing else.
import type * as fsType from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startCluster, type Cluster } from "../cluster";
import { client, connectedAdmin } from "../test-support/kafka";
import { tempDirs } from "../test-support/temp-dir";

/** How writes to segment files behave: as asked, at most 7 bytes per call, or 5 bytes then ENOSPC. */
const disk = { mode: "normal" as "normal" | "short" | "full", segmentFds: new Set<number>() };

vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof fsType>();
  const openSync = (file: fsType.PathLike, ...rest: unknown[]) => {
    const fd = (real.openSync as (...a: unknown[]) => number)(file, ...rest);
    if (String(file).includes("/logs/")) disk.segmentFds.add(fd);
    else disk.segmentFds.delete(fd);
    return fd;
  };
  const writeSync = (fd: number, data: Buffer, offset = 0, length = data.length - offset) => {
    if (!disk.segmentFds.has(fd) || disk.mode === "normal") return real.writeSync(fd, data, offset, length);
    if (disk.mode === "short") return real.writeSync(fd, data, offset, Math.min(length, 7));
    real.writeSync(fd, data, offset, Math.min(length, 5));
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  };
  return { ...real, openSync, writeSync, default: { ...real, openSync, writeSync } };
});

const tempDir = tempDirs("partition-lab-short-");
const clusters: Cluster[] = [];
afterEach(async () => {
  disk.mode = "normal";
  await Promise.all(clusters.splice(0).map((c) => c.stop()));
});

async function started(dataDir: string): Promise<Cluster> {
  const cluster = await startCluster({ brokers: 1, dataDir });
  clusters.push(cluster);
  return cluster;
}

const values = (cluster: Cluster) => cluster.records("w", 0).map((r) => `${r.offset}:${r.value}`);

/** A one-broker cluster on `dataDir` with topic "w", a producer (no retries: each failure shows) and a way to stop them all. */
async function withTopic(dataDir: string) {
  const cluster = await started(dataDir);
  const admin = await connectedAdmin(cluster.bootstrap);
  await admin.createTopics({ topics: [{ topic: "w" }] });
  const producer = client(cluster.bootstrap).producer({ retry: { retries: 0 } });
  await producer.connect();
  const stop = async () => {
    await Promise.all([producer.disconnect(), admin.disconnect()]);
    await cluster.stop();
  };
  return { cluster, producer, stop };
}

describe("segment writes", () => {
  it("finish a batch that the disk takes a few bytes at a time", async () => {
    const dataDir = tempDir();
    const { producer, stop } = await withTopic(dataDir);
    disk.mode = "short";
    for (const value of ["a", "b", "c"]) await producer.send({ topic: "w", acks: -1, messages: [{ value }] });
    disk.mode = "normal";
    await stop();
    expect(values(await started(dataDir))).toEqual(["0:a", "1:b", "2:c"]);
  });

  it("answer KAFKA_STORAGE_ERROR when the disk fails, keep nothing of that batch, and go on when it recovers", async () => {
    const dataDir = tempDir();
    const { cluster: first, producer, stop } = await withTopic(dataDir);
    await producer.send({ topic: "w", acks: -1, messages: [{ value: "before" }] });
    disk.mode = "full";
    const failure = await producer.send({ topic: "w", acks: -1, messages: [{ value: "lost" }] }).then(() => undefined, (err) => err as { cause?: { type?: string } });
    expect(failure?.cause?.type).toBe("KAFKA_STORAGE_ERROR");
    disk.mode = "normal";
    await producer.send({ topic: "w", acks: -1, messages: [{ value: "after" }] });
    expect(values(first)).toEqual(["0:before", "1:after"]);
    await stop();
    expect(values(await started(dataDir))).toEqual(["0:before", "1:after"]);
  });
});
