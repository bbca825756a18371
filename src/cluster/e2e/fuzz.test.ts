// Fuzz: thousands of random and mutated frames (mutations of real kafkajs
// requests) at a cluster running in a child process. Afterwards the same
// process must still serve a kafkajs round trip, and no handler may have
// failed on the way (a caught handler exception is still a bug).
import * as net from "node:net";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeRequest } from "../protocol";
import { startChildCluster, stopChild, type ChildCluster } from "../test-support/child-cluster";
import { kafkajsProtocol, kafkajsRequestFrame, Long } from "../test-support/kafkajs-protocol";

const kafkajs = kafkajsProtocol;

/** Real requests as kafkajs and librdkafka put them on the wire. */
async function seeds(): Promise<Buffer[]> {
  const r = (p: string, args: unknown) => kafkajs(`requests/${p}/request`)(args);
  const requests = [
    r("apiVersions/v2", {}),
    r("metadata/v6", { topics: ["fuzz-a", "fuzz-b"], allowAutoTopicCreation: true }),
    r("produce/v7", { acks: -1, timeout: 1000, transactionalId: null, producerId: Long.fromInt(-1), producerEpoch: 0,
      topicData: [{ topic: "fuzz-a", partitions: [{ partition: 0, firstSequence: 0, messages: [{ key: "user1", value: "message1" }, { key: "user2", value: "message2" }] }] }] }),
    r("fetch/v11", { replicaId: -1, maxWaitTime: 10, minBytes: 1, maxBytes: 1 << 20, isolationLevel: 1,
      topics: [{ topic: "fuzz-a", partitions: [{ partition: 0, fetchOffset: "0", maxBytes: 1 << 20 }] }] }),
    r("listOffsets/v3", { replicaId: -1, isolationLevel: 1, topics: [{ topic: "fuzz-a", partitions: [{ partition: 0, timestamp: "-1" }] }] }),
    r("createTopics/v3", { topics: [{ topic: "fuzz-c", numPartitions: 2, replicationFactor: 1 }], timeout: 1000 }),
    r("findCoordinator/v2", { coordinatorKey: "group", coordinatorType: 0 }),
    r("joinGroup/v5", { groupId: "g", sessionTimeout: 6000, rebalanceTimeout: 100, memberId: "", protocolType: "consumer", groupProtocols: [{ name: "rr", metadata: Buffer.from([0, 1]) }] }),
    r("offsetCommit/v5", { groupId: "g", groupGenerationId: 1, memberId: "m", topics: [{ topic: "fuzz-a", partitions: [{ partition: 0, offset: "1" }] }] }),
    r("initProducerId/v1", { transactionalId: null, transactionTimeout: 1000 }),
  ];
  const frames = await Promise.all(requests.map((req, i) => kafkajsRequestFrame(req, i + 1, "fuzz")));
  // librdkafka opens with a flexible ApiVersions v3 and Metadata v9 speaks compact encodings.
  frames.push(encodeRequest({ apiKey: 18, apiVersion: 3, correlationId: 50, clientId: "rdkafka" }, { clientSoftwareName: "librdkafka", clientSoftwareVersion: "2.0.2" }));
  frames.push(encodeRequest({ apiKey: 3, apiVersion: 9, correlationId: 51, clientId: "rdkafka" }, { topics: null, allowAutoTopicCreation: true }));
  return frames;
}

function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

function withSize(body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function mutate(seed: Buffer, rand: () => number): Buffer {
  const body = Buffer.from(seed.subarray(4));
  const at = () => Math.floor(rand() * body.length);
  switch (Math.floor(rand() * 7)) {
    case 0: { // random bytes
      const out = Buffer.alloc(Math.floor(rand() * 120));
      for (let i = 0; i < out.length; i++) out[i] = rand() * 256;
      return withSize(out);
    }
    case 1: // bit flips
      for (let n = 1 + rand() * 6; n > 0; n--) body[at()] ^= 1 << Math.floor(rand() * 8);
      return withSize(body);
    case 2: // truncation, size prefix consistent
      return withSize(body.subarray(0, at()));
    case 3: // a run of 0xff / 0x00 / 0x7f (lengths and counts become -1, 0, huge)
    { const start = at();
      body.fill([0xff, 0x00, 0x7f][Math.floor(rand() * 3)], start, Math.min(body.length, start + 1 + Math.floor(rand() * 6))); }
      return withSize(body);
    case 4: { // size prefix that lies (more than sent, or over the request limit)
      const framed = withSize(body);
      framed.writeInt32BE(rand() < 0.5 ? body.length + 1 + Math.floor(rand() * 50) : 0x7fffffff, 0);
      return framed;
    }
    case 5: // api key / version scrambled
      body.writeInt16BE(Math.floor(rand() * 80) - 5, 0);
      body.writeInt16BE(Math.floor(rand() * 20) - 2, 2);
      return withSize(body);
    default: { // splice: bytes duplicated or dropped in the middle
      const i = at();
      const j = Math.min(body.length, i + Math.floor(rand() * 16));
      return withSize(rand() < 0.5 ? Buffer.concat([body.subarray(0, i), body.subarray(i, j), body.subarray(i)]) : Buffer.concat([body.subarray(0, i), body.subarray(j)]));
    }
  }
}

const PROBE_ID = 0x7ffffff0;
/** An ApiVersions v0 sent after every frame: responses come in request order, so its answer means every earlier frame was dealt with. */
const PROBE = encodeRequest({ apiKey: 18, apiVersion: 0, correlationId: PROBE_ID, clientId: "probe" }, {});
/** Longer than the longest a request may legitimately park (a Fetch waits at most 30 s). */
const HUNG_MS = 40_000;

type Outcome = "answered" | "closed" | "hung";

/**
 * Sends one frame, then the probe, on a fresh connection. "answered": the
 * probe came back; "closed": the broker closed the connection; "hung":
 * neither — a handler that never finishes. A frame whose size prefix claims
 * more bytes than were sent is followed by end-of-stream, which the broker
 * must answer by closing.
 */
function send(host: string, port: number, frame: Buffer): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    let settled = false;
    let buf = Buffer.alloc(0);
    const done = (how: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(how);
    };
    const timer = setTimeout(() => done("hung"), HUNG_MS);
    socket.on("connect", () => {
      socket.write(Buffer.concat([frame, PROBE]));
      if (frame.readInt32BE(0) > frame.length - 4) socket.end();
    });
    socket.on("data", (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 8 && buf.length >= 4 + buf.readInt32BE(0)) {
        if (buf.readInt32BE(4) === PROBE_ID) return done("answered");
        buf = buf.subarray(4 + buf.readInt32BE(0));
      }
    });
    socket.on("close", () => done("closed"));
    socket.on("error", () => done("closed"));
  });
}

let cluster: ChildCluster;
beforeAll(async () => {
  cluster = await startChildCluster(["--brokers", "2"]);
});
afterAll(async () => {
  if (cluster) await stopChild(cluster);
});

describe("fuzzing the wire protocol", () => {
  it("survives 10,000 random and mutated frames and still serves kafkajs", async () => {
    const real = await seeds();
    const rand = rng(20261124);
    const [host, port] = cluster.bootstrap.split(",")[0].split(":");
    const outcomes = { answered: 0, closed: 0, hung: 0 };
    const hung: string[] = [];
    const total = 10_000;
    let next = 0;
    const worker = async () => {
      while (next < total) {
        const i = next++;
        const seed = real[i % real.length];
        const frame = i < real.length ? seed : mutate(seed, rand);
        const outcome = await send(host, Number(port), frame);
        outcomes[outcome]++;
        if (outcome === "hung") hung.push(frame.toString("hex"));
      }
    };
    await Promise.all(Array.from({ length: 48 }, worker));
    expect(hung, "frames that got neither an answer nor a close").toEqual([]);
    expect(outcomes.answered + outcomes.closed).toBe(total);
    expect(outcomes.closed).toBeGreaterThan(1000); // malformed frames do close their connection
    expect(outcomes.answered).toBeGreaterThan(1000); // and mutations that still parse get answers

    const kafka = new Kafka({ clientId: "after-fuzz", brokers: cluster.bootstrap.split(","), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "after-fuzz", numPartitions: 3 }] });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: "after-fuzz", acks: -1, messages: [{ key: "k", value: "still here" }] });
    const consumer = kafka.consumer({ groupId: "after-fuzz", maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: "after-fuzz", fromBeginning: true });
    const value = await new Promise<string>((resolve) => consumer.run({ eachMessage: async ({ message }) => resolve(message.value!.toString()) }));
    expect(value).toBe("still here");
    await Promise.all([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);

    expect(cluster.child.exitCode).toBeNull();
    expect(cluster.child.signalCode).toBeNull();
    expect(cluster.stderr()).not.toMatch(/handler failed|internal error|failed:/);
  }, 180_000);
});
