// A loopback proxy in front of a one-broker cluster that changes one thing:
// its ApiVersions answer advertises Produce from v0, as Kafka 3.9 does.
// librdkafka before 2.11.1 compresses gzip, snappy and lz4 batches only for
// a broker that serves Produce v0 (rdkafka_msgset_writer.c; librdkafka issue
// #4956, the same with Kafka 4.0, which dropped v0-2), so through this proxy
// kcat and confluent-kafka 2.0 write real compressed batches of every codec;
// they still pick Produce v7, which the cluster serves. Metadata answers are
// rewritten to name the proxy, so every connection goes through it.
import * as net from "node:net";
import { decodeResponse, encodeResponse } from "../protocol";

type Frames = (frame: Buffer) => void;

/** Cuts a byte stream into size-prefixed frames (prefix excluded). */
function framer(onFrame: Frames): (chunk: Buffer) => void {
  let buffered = Buffer.alloc(0);
  return (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4 && buffered.length >= 4 + buffered.readInt32BE(0)) {
      const size = buffered.readInt32BE(0);
      onFrame(buffered.subarray(4, 4 + size));
      buffered = buffered.subarray(4 + size);
    }
  };
}

function sizeOf(frame: Buffer): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(frame.length);
  return b;
}

/** Starts the proxy for the broker at `target`; returns its bootstrap address. */
export async function produceV0Proxy(target: { host: string; port: number }): Promise<{ bootstrap: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const asked = new Map<number, { apiKey: number; apiVersion: number }>();
    client.on("data", framer((frame) => {
      asked.set(frame.readInt32BE(4), { apiKey: frame.readInt16BE(0), apiVersion: frame.readInt16BE(2) });
      upstream.write(Buffer.concat([sizeOf(frame), frame]));
    }));
    upstream.on("data", framer((frame) => {
      const correlationId = frame.readInt32BE(0);
      const request = asked.get(correlationId);
      asked.delete(correlationId);
      client.write(request ? rewrite(request.apiKey, request.apiVersion, correlationId, frame) : Buffer.concat([sizeOf(frame), frame]));
    }));
    for (const [a, b] of [[client, upstream], [upstream, client]]) {
      a.on("close", () => b.destroy());
      a.on("error", () => b.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;

  function rewrite(apiKey: number, apiVersion: number, correlationId: number, frame: Buffer): Buffer {
    if (apiKey !== 18 && apiKey !== 3) return Buffer.concat([sizeOf(frame), frame]);
    const { body } = decodeResponse(apiKey, apiVersion, frame) as { body: any };
    if (apiKey === 18) for (const api of body.apiKeys ?? []) if (api.apiKey === 0) api.minVersion = 0;
    if (apiKey === 3) for (const b of body.brokers) if (b.port === target.port) Object.assign(b, { host: "127.0.0.1", port });
    return encodeResponse({ apiKey, apiVersion, correlationId, clientId: null }, body);
  }

  return {
    bootstrap: `127.0.0.1:${port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
