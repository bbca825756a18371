// kafkajs's client-side seam: its `socketFactory` option builds the socket
// each broker connection uses. This one hands kafkajs a socket that behaves
// like the `net.Socket` it expects (the `onConnect` callback, events `data`,
// `end`, `error`; `write`, `end`, `unref`) over the cluster core's in-memory
// connections, so kafkajs talks to brokers in the same page. Unlike the
// cluster's test helper it needs no `node:events`: it is bundled for browsers.
import type { ISocketFactory } from "kafkajs";
import type { MemoryClient } from "../cluster";

/** Opens an in-memory connection to the broker advertised at host:port (ClusterCore.connect). */
export type Dialer = (host: string, port: number) => MemoryClient;

type Listener = (...args: any[]) => void;

class MemorySocket {
  private listeners = new Map<string, Listener[]>();

  constructor(private client: MemoryClient) {
    client.onData((chunk) => this.emit("data", Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    client.onError((err) => this.emit("error", Object.assign(err, { code: (err as { code?: string }).code ?? "ECONNREFUSED" })));
    client.onClose(() => {
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
    this.client.write(typeof data === "string" ? Buffer.from(data, "binary") : data);
    return true;
  }

  end(): void {
    this.client.close();
  }

  destroy(): void {
    this.client.close();
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
    if (ssl) throw new Error("TLS is not available for in-memory brokers");
    const client = dial(host, port);
    client.onConnect(onConnect);
    return new MemorySocket(client) as never;
  };
}
