// A client that speaks bytes, not Kafka: it writes frames and collects the
// broker's answers whole, over TCP, TLS or the cluster core's in-memory pipe,
// so tests can send what no client library would.
import * as net from "node:net";
import * as tls from "node:tls";

export type Wire = { write(bytes: Buffer): void; onData(l: (b: Uint8Array) => void): void; onClose(l: () => void): void; close(): void };

/** A TCP connection, or a TLS one trusting `ca` when given. */
export function socketWire(host: string, port: number, options: { ca?: string | Buffer } = {}): Wire {
  const socket = options.ca ? tls.connect({ host, port, ca: options.ca }) : net.connect(port, host);
  socket.on("error", () => {});
  return {
    write: (b) => void socket.write(b),
    onData: (l) => void socket.on("data", l),
    onClose: (l) => void socket.on("close", () => l()),
    close: () => void socket.destroy(),
  };
}

export type RawClient = {
  wire: Wire;
  /** Every response frame so far, without its size prefix. */
  frames: Buffer[];
  isClosed(): boolean;
  /** Waits until `cond` holds; fails after `ms`. */
  until(cond: () => boolean, ms?: number): Promise<void>;
};

export function rawClient(wire: Wire): RawClient {
  const frames: Buffer[] = [];
  let buf = Buffer.alloc(0);
  let closed = false;
  wire.onData((d) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
      frames.push(buf.subarray(4, 4 + buf.readInt32BE(0)));
      buf = buf.subarray(4 + buf.readInt32BE(0));
    }
  });
  wire.onClose(() => (closed = true));
  const until = async (cond: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { wire, frames, isClosed: () => closed, until };
}
