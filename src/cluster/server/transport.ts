// The seam between the broker's connection loop and the bytes it serves: a
// duplex byte stream. In Node it is a TCP socket (./tcp-transport.ts); in a
// browser, or in a test without sockets, an in-memory pipe from
// createMemoryPipe. Nothing here imports a Node module.
import { deliver } from "./delivery";

/** A bidirectional byte stream to one client: a TCP socket in Node, an in-memory pipe in a browser. */
export interface Transport {
  /** For logs and for the client host Kafka reports in DescribeGroups: "127.0.0.1:50412", "memory:7". */
  readonly remoteAddress: string;
  write(bytes: Uint8Array): void;
  close(): void;
  pause(): void;
  resume(): void;
  onData(listener: (chunk: Uint8Array) => void): void;
  onClose(listener: () => void): void;
}

/**
 * The client's end of an in-memory connection: enough to stand in for a
 * socket (kafkajs's `socketFactory` wants connect, data, end/close and error).
 * Delivery is asynchronous and in order, as on a socket: each chunk in a task
 * of its own (./delivery.ts).
 */
export interface MemoryClient {
  /** The address the broker sees for this client ("memory:7"). */
  readonly localAddress: string;
  write(bytes: Uint8Array): void;
  /** Closes the connection; both ends hear onClose once. */
  close(): void;
  /** Fires once, asynchronously, when the broker end is attached (a socket's "connect"). */
  onConnect(listener: () => void): void;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Fires once when either end closes (a socket's "end" and "close"). */
  onClose(listener: () => void): void;
  /** Connection refused, or a write after close (a socket's "error"); onClose follows. */
  onError(listener: (err: Error) => void): void;
}

let nextPipe = 1;

type End = {
  data: ((chunk: Uint8Array) => void)[];
  close: (() => void)[];
  paused: boolean;
  held: Uint8Array[];
};

const newEnd = (): End => ({ data: [], close: [], paused: false, held: [] });

/** A connected pair: `server` for `Broker.accept`, `client` for whatever plays the Kafka client. */
export function createMemoryPipe(): { server: Transport; client: MemoryClient } {
  const address = `memory:${nextPipe++}`;
  const toServer = newEnd();
  const toClient = newEnd();
  const connectListeners: (() => void)[] = [];
  const errorListeners: ((err: Error) => void)[] = [];
  let closed = false;

  // A chunk written before close still arrives (before onClose), as bytes a socket already sent do.
  // While anything is held, later chunks queue behind it: a socket never reorders.
  const arrive = (end: End, chunk: Uint8Array) => {
    if (end.paused || end.held.length > 0) end.held.push(chunk);
    else for (const l of end.data) l(chunk);
  };
  const flush = (end: End) => {
    while (!end.paused && !closed && end.held.length > 0) {
      const chunk = end.held.shift()!;
      for (const l of end.data) l(chunk);
    }
  };
  const send = (end: End, bytes: Uint8Array) => {
    // Copy: the writer may reuse its buffer, as it may with a socket.
    const chunk = new Uint8Array(bytes); // (Buffer#slice would be a view)
    deliver(() => arrive(end, chunk));
  };
  const close = () => {
    if (closed) return;
    closed = true;
    deliver(() => {
      for (const l of toServer.close) l();
      for (const l of toClient.close) l();
    });
  };
  deliver(() => {
    if (!closed) for (const l of connectListeners) l();
  });

  const server: Transport = {
    remoteAddress: address,
    write: (bytes) => {
      if (!closed) send(toClient, bytes);
    },
    close,
    pause: () => {
      toServer.paused = true;
    },
    resume: () => {
      toServer.paused = false;
      deliver(() => flush(toServer));
    },
    onData: (l) => void toServer.data.push(l),
    onClose: (l) => void toServer.close.push(l),
  };
  const client: MemoryClient = {
    localAddress: address,
    write: (bytes) => {
      if (closed) deliver(() => errorListeners.forEach((l) => l(new Error(`write after close on ${address}`))));
      else send(toServer, bytes);
    },
    close,
    onConnect: (l) => void connectListeners.push(l),
    onData: (l) => void toClient.data.push(l),
    onClose: (l) => void toClient.close.push(l),
    onError: (l) => void errorListeners.push(l),
  };
  return { server, client };
}

/** A client end whose connection was refused (no broker up at that address): onError, then onClose. */
export function refusedConnection(address: string): MemoryClient {
  const errors: ((err: Error) => void)[] = [];
  const closes: (() => void)[] = [];
  deliver(() => {
    const err = Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: "ECONNREFUSED" });
    for (const l of errors) l(err);
    for (const l of closes) l();
  });
  return {
    localAddress: `memory:${nextPipe++}`,
    write: () => {},
    close: () => {},
    onConnect: () => {},
    onData: () => {},
    onClose: (l) => void closes.push(l),
    onError: (l) => void errors.push(l),
  };
}
