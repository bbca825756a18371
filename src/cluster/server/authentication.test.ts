// The SASL gate at the byte level, as Kafka's SaslServerAuthenticator
// behaves: what may come before authentication, what a refusal looks like
// (an answer, then the connection closes), and that an authenticated
// connection is served as any other. Over the in-memory pipe, TCP and TLS.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster, startCluster, type ClusterCore } from "..";
import { decodeResponse, encodeRequest, ErrorCode } from "../protocol";
import { rawClient, socketWire, type Wire } from "../test-support/raw-wire";
import { throwawayCertificate, type ThrowawayCertificate } from "../test-support/tls-cert";

const sasl = { users: { alice: "alice-secret" } };
const header = (apiKey: number, apiVersion: number, correlationId: number) => ({ apiKey, apiVersion, correlationId, clientId: "raw" });
const apiVersions = (c: number) => encodeRequest(header(18, 2, c), {});
const metadata = (c: number) => encodeRequest(header(3, 1, c), { topics: [] });
const handshake = (c: number, mechanism = "PLAIN", version = 1) => encodeRequest(header(17, version, c), { mechanism });
const plain = (password: string, user = "alice") => Buffer.from(`\0${user}\0${password}`);
const authenticate = (c: number, authBytes: Buffer, version = 2) => encodeRequest(header(36, version, c), { authBytes });
const bare = (token: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, token.length]), token]);
const body = (apiKey: number, version: number, frame: Buffer) => decodeResponse(apiKey, version, frame).body as any;

let cert: ThrowawayCertificate;
beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sasl-gate-"));
  cert = throwawayCertificate(dir);
  fs.rmSync(dir, { recursive: true, force: true });
});

const wires: [string, () => Promise<ClusterCore>, (cluster: ClusterCore) => Wire][] = [
  ["an in-memory pipe", () => createCluster({ brokers: 1, sasl }), (c) => c.connect(c.brokers[0].host, c.brokers[0].port)],
  ["TCP", () => startCluster({ brokers: 1, sasl }), (c) => socketWire(c.brokers[0].host, c.brokers[0].port)],
  ["TLS", () => startCluster({ brokers: 1, sasl, tls: cert }), (c) => socketWire(c.brokers[0].host, c.brokers[0].port, { ca: cert.cert })],
];

describe.each(wires)("SASL before anything else, over %s", (_name, start, open) => {
  let cluster: ClusterCore;
  beforeAll(async () => {
    cluster = await start();
  });
  afterAll(async () => cluster?.stop());
  const client = () => rawClient(open(cluster));

  it("closes a connection whose first request is neither ApiVersions nor SaslHandshake, without an answer", async () => {
    const c = client();
    c.wire.write(metadata(1));
    await c.until(c.isClosed);
    expect(c.frames).toEqual([]);
  });

  it("serves one ApiVersions first, and closes on anything but the handshake after it", async () => {
    const c = client();
    c.wire.write(Buffer.concat([apiVersions(1), apiVersions(2)]));
    await c.until(c.isClosed);
    expect(c.frames.map((f) => f.readInt32BE(0))).toEqual([1]);
    expect(body(18, 2, c.frames[0]).apiKeys).toContainEqual({ apiKey: 36, minVersion: 0, maxVersion: 2 });
  });

  it("refuses an unknown mechanism with UNSUPPORTED_SASL_MECHANISM and the enabled list, then closes", async () => {
    const c = client();
    c.wire.write(handshake(1, "GSSAPI"));
    await c.until(c.isClosed);
    expect(c.frames.map((f) => body(17, 1, f))).toEqual([{ errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] }]);
  });

  it("refuses a wrong password with SASL_AUTHENTICATION_FAILED and Kafka's message, then closes", async () => {
    const c = client();
    c.wire.write(Buffer.concat([handshake(1), authenticate(2, plain("guess")), apiVersions(3)]));
    await c.until(c.isClosed);
    expect(c.frames).toHaveLength(2);
    expect(body(17, 1, c.frames[0]).errorCode).toBe(ErrorCode.NONE);
    expect(body(36, 2, c.frames[1])).toMatchObject({ errorCode: ErrorCode.SASL_AUTHENTICATION_FAILED, errorMessage: "Authentication failed: Invalid username or password" });
  });

  it("answers another request between handshake and authentication with ILLEGAL_SASL_STATE, then closes", async () => {
    const c = client();
    c.wire.write(Buffer.concat([handshake(1), encodeRequest(header(10, 1, 2), { key: "g", keyType: 0 })]));
    await c.until(c.isClosed);
    expect(c.frames).toHaveLength(2);
    expect(body(10, 1, c.frames[1]).errorCode).toBe(ErrorCode.ILLEGAL_SASL_STATE);
  });

  it("serves an authenticated connection in order, requests sent right behind the token included", async () => {
    const c = client();
    c.wire.write(Buffer.concat([apiVersions(1), handshake(2), authenticate(3, plain("alice-secret"), 1), metadata(4), handshake(5)]));
    await c.until(() => c.frames.length === 5);
    expect(c.frames.map((f) => f.readInt32BE(0))).toEqual([1, 2, 3, 4, 5]);
    expect(body(36, 1, c.frames[2])).toEqual({ errorCode: 0, errorMessage: null, authBytes: Buffer.alloc(0), sessionLifetimeMs: 0n });
    expect(body(3, 1, c.frames[3]).brokers.map(({ nodeId, host, port }: any) => ({ nodeId, host, port }))).toEqual(cluster.brokers);
    // After authentication SASL requests are Kafka's KafkaApis's to answer: ILLEGAL_SASL_STATE.
    expect(body(17, 1, c.frames[4]).errorCode).toBe(ErrorCode.ILLEGAL_SASL_STATE);
    expect(c.isClosed()).toBe(false);
    c.wire.close();
  });

  it("limits frames to 512 KiB until authenticated, not after, even those sent in the same write", async () => {
    const c = client();
    // About 600 KB of topic names: too big before authentication, fine after it.
    const big = encodeRequest(header(3, 4, 3), { topics: Array.from({ length: 2000 }, (_, i) => ({ name: `${"t".repeat(290)}${i}` })), allowAutoTopicCreation: false });
    expect(big.length).toBeGreaterThan(524288);
    c.wire.write(Buffer.concat([handshake(1), authenticate(2, plain("alice-secret")), big]));
    await c.until(() => c.frames.length === 3);
    expect(body(3, 4, c.frames[2]).topics).toHaveLength(2000);
    c.wire.close();
  });

  it("takes bare tokens after SaslHandshake v0 (kafka-python 2.0), answering success with an empty frame", async () => {
    const ok = client();
    ok.wire.write(Buffer.concat([handshake(1, "PLAIN", 0), bare(plain("alice-secret", "alice")), apiVersions(2)]));
    await ok.until(() => ok.frames.length === 3);
    expect(ok.frames[1]).toEqual(Buffer.alloc(0));
    expect(ok.frames[2].readInt32BE(0)).toBe(2);
    ok.wire.close();
    const refused = client();
    refused.wire.write(Buffer.concat([handshake(1, "PLAIN", 0), bare(plain("guess"))]));
    await refused.until(refused.isClosed);
    expect(refused.frames).toHaveLength(1);
  });

  it("closes on a frame larger than sasl.server.max.receive.size (512 KiB) before authentication", async () => {
    const c = client();
    const size = Buffer.alloc(4);
    size.writeInt32BE(524289);
    c.wire.write(size);
    await c.until(c.isClosed);
  });
});

describe("SASL requests on a listener without SASL", () => {
  it("are answered with ILLEGAL_SASL_STATE, as Kafka's KafkaApis answers them", async () => {
    const cluster = await createCluster({ brokers: 1 });
    try {
      const c = rawClient(cluster.connect(cluster.brokers[0].host, cluster.brokers[0].port));
      c.wire.write(Buffer.concat([handshake(1), authenticate(2, plain("x"), 2)]));
      await c.until(() => c.frames.length === 2);
      expect(body(17, 1, c.frames[0]).errorCode).toBe(ErrorCode.ILLEGAL_SASL_STATE);
      expect(body(36, 2, c.frames[1])).toMatchObject({ errorCode: ErrorCode.ILLEGAL_SASL_STATE, errorMessage: "SaslAuthenticate request received after successful authentication" });
    } finally {
      await cluster.stop();
    }
  });
});
