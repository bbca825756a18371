// kafkajs's client-side seam: its `socketFactory` option builds the socket
// each broker connection uses. This one hands kafkajs a socket that behaves
// like the `net.Socket` it expects (events `connect` via the callback,
// `data`, `end`, `error`; `write`, `end`, `unref`) over a Transport, so
// kafkajs talks to brokers in the same page through memory pipes.
import type { ISocketFactory } from "kafkajs";
import type { Transport } from "./transport";

/** Opens a transport to the broker at host:port, or throws when nothing accepts there. */
export type Dialer = (host: string, port: number) => Transport;

type Listener = (...args: any[]) => void;

class TransportSocket {
  private listeners = new Map<string, Listener[]>();
  private ended = false;

  constructor(private transport: Transport) {
    transport.onData((chunk) => this.emit("data", Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    transport.onClose(() => {
      if (this.ended) return;
      this.ended = true;
      this.emit("end");
      this.emit("close", false);
    });
  }

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }

  write(data: Uint8Array | string): boolean {
    this.transport.write(typeof data === "string" ? Buffer.from(data, "binary") : data);
    return true;
  }

  end(): void {
    this.transport.close();
  }

  destroy(): void {
    this.transport.close();
  }

  setKeepAlive(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  ref(): this {
    return this;
  }
}

/** A kafkajs `socketFactory` that dials in-process brokers instead of TCP. */
export function memorySocketFactory(dial: Dialer): ISocketFactory {
  return ({ host, port, ssl, onConnect }) => {
    let transport: Transport | undefined;
    let failure: Error | undefined;
    try {
      if (ssl) throw new Error("TLS is not available for in-page brokers");
      transport = dial(host, port);
    } catch (err) {
      failure = Object.assign(new Error(`connect ECONNREFUSED ${host}:${port} (${(err as Error).message})`), { code: "ECONNREFUSED" });
    }
    const socket = transport ? new TransportSocket(transport) : new TransportSocket(closedTransport());
    // A real socket connects (or fails) after the caller has attached its listeners.
    queueMicrotask(() => (failure ? socket.emit("error", failure) : onConnect()));
    return socket as never;
  };
}

function closedTransport(): Transport {
  return { remoteAddress: "none", write() {}, close() {}, pause() {}, resume() {}, onData() {}, onClose() {} };
}
