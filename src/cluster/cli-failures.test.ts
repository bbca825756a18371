// `partition-lab cluster` when it cannot run: each failure prints one line
// that says what to do, exits non-zero, shows no stack trace, and leaves the
// user's files exactly as they were. A torn tail (a crash mid-write) is
// still cut off and the cluster starts.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { startCluster } from "./cluster";
import { startChildCluster, stopChild } from "./test-support/child-cluster";
import { client, connectedAdmin } from "./test-support/kafka";
import { tempDirs } from "./test-support/temp-dir";

const CLI = path.resolve(__dirname, "../../dist/cli.js");
const tempDir = tempDirs("partition-lab-cli-");

function runCluster(args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "cluster", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the cluster did not exit; stdout: ${stdout} stderr: ${stderr}`));
    }, 20_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

/** Every file under `dir` with its bytes, to prove nothing was changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p).toString("base64");
    }
  };
  walk(dir);
  return out;
}

async function expectRefusal(args: string[], message: RegExp): Promise<void> {
  const { code, stderr } = await runCluster(["--port", "0", ...args]);
  expect(code, stderr).toBe(1);
  expect(stderr).toMatch(message);
  expect(stderr.trim().split("\n"), stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

/** A data directory that a cluster wrote: a topic with records and a group with committed offsets. */
async function usedDataDir(): Promise<string> {
  const dataDir = tempDir();
  const cluster = await startCluster({ brokers: 1, dataDir });
  const admin = await connectedAdmin(cluster.bootstrap);
  await admin.createTopics({ topics: [{ topic: "t" }] });
  const producer = client(cluster.bootstrap).producer();
  await producer.connect();
  for (const value of ["a", "b", "c"]) await producer.send({ topic: "t", messages: [{ value }] });
  await admin.setOffsets({ groupId: "g", topic: "t", partitions: [{ partition: 0, offset: "2" }] }); // a consumer joins, commits and leaves: several journal records
  await producer.disconnect();
  await admin.disconnect();
  await cluster.stop();
  return dataDir;
}

function segmentFile(dataDir: string): string {
  const dir = path.join(dataDir, "logs", "t-0");
  return path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith(".log"))!);
}

describe("partition-lab cluster refuses to start, clearly and without touching data, when", () => {
  it("its port is in use", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await runCluster(["--port", String(port), "--brokers", "1"]);
      expect(code).toBe(1);
      expect(stderr).toMatch(new RegExp(`port ${port} on 127.0.0.1 is already in use.*--port`));
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it("its host is unknown or not an address of this machine", async () => {
    await expectRefusal(["--host", "no-such-host.invalid"], /cannot listen on no-such-host.invalid: no such host.*--host/);
    await expectRefusal(["--host", "192.0.2.1"], /cannot listen on 192.0.2.1: not an address of this machine.*--host/);
  });

  it("--data-dir is a file, or holds a topics.json it cannot read", async () => {
    const file = path.join(tempDir(), "plain-file");
    fs.writeFileSync(file, "mine");
    await expectRefusal(["--data-dir", file], /--data-dir .*plain-file is a file, not a directory/);
    expect(fs.readFileSync(file, "utf8")).toBe("mine");
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "topics.json"));
    await expectRefusal(["--data-dir", dir], /cannot read .*topics.json/);
  });

  it("topics.json is corrupt", async () => {
    const dataDir = await usedDataDir();
    fs.writeFileSync(path.join(dataDir, "topics.json"), '{"topics": [{"name": "t", "parti');
    const before = snapshot(dataDir);
    await expectRefusal(["--data-dir", dataDir], /topics\.json is not valid.*move .* away|restore/);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it("a journal is corrupt before its end (not a torn tail)", async () => {
    const dataDir = await usedDataDir();
    const journal = path.join(dataDir, "groups.journal");
    const bytes = fs.readFileSync(journal);
    bytes[10] ^= 0xff; // inside the first record: later records are intact, so this is damage, not a crash mid-write
    fs.writeFileSync(journal, bytes);
    const before = snapshot(dataDir);
    await expectRefusal(["--data-dir", dataDir], /groups\.journal is damaged at byte 0/);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it("a log segment is corrupt before its end", async () => {
    const dataDir = await usedDataDir();
    const segment = segmentFile(dataDir);
    const bytes = fs.readFileSync(segment);
    bytes[65] ^= 0xff; // in the records of the first of three batches (its header is 61 bytes)
    fs.writeFileSync(segment, bytes);
    const before = snapshot(dataDir);
    await expectRefusal(["--data-dir", dataDir], /t-0.*is damaged at byte 0/);
    expect(snapshot(dataDir)).toEqual(before);
  });
});

describe("partition-lab cluster after a crash mid-write", () => {
  it("cuts the torn tail of a segment and of a journal, and starts", async () => {
    const dataDir = await usedDataDir();
    const segment = segmentFile(dataDir);
    const journal = path.join(dataDir, "groups.journal");
    const sizes = [fs.statSync(segment).size, fs.statSync(journal).size];
    fs.appendFileSync(segment, Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 90, 1, 2]));
    fs.appendFileSync(journal, Buffer.from([0, 0, 0, 50, 1, 2, 3]));
    const child = await startChildCluster(["--data-dir", dataDir, "--brokers", "1"]);
    try {
      expect([fs.statSync(segment).size, fs.statSync(journal).size]).toEqual(sizes);
    } finally {
      await stopChild(child);
    }
  });
});
