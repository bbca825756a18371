// A minimal Kafka client at the request level: it sends one typed request
// body over an in-memory connection and resolves with the decoded response.
// For tests, the structure-aware fuzzer and the model-based checks, which need
// requests no real client would send (a forged batch header, acks=0 with a
// bad batch). It knows framing and correlation ids, nothing of any API.
import { decodeResponse, encodeRequest } from "../protocol";
import type { MemoryClient } from "../server/transport";

export type RequestClient = {
  /** Sends a request and resolves with the response body; rejects when the broker closes the connection first. */
  request<T = any>(apiKey: number, apiVersion: number, body: object): Promise<T>;
  /** Sends a request that gets no response (Produce with acks=0). */
  send(apiKey: number, apiVersion: number, body: object): void;
  /** Whether the broker (or we) closed the connection. */
  readonly closed: boolean;
  close(): void;
};

type Waiting = { apiKey: number; apiVersion: number; resolve: (body: any) => void; reject: (err: Error) => void };

/**
 * Opens a request client on `connection` (from `ClusterCore.connect`),
 * resolving once it is connected; rejects if the connection is refused.
 */
export function openRequestClient(connection: MemoryClient, clientId = "request-client"): Promise<RequestClient> {
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let closed = false;
  let buffered = Buffer.alloc(0);

  connection.onData((chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4 && buffered.length >= 4 + buffered.readInt32BE(0)) {
      const frame = buffered.subarray(4, 4 + buffered.readInt32BE(0));
      buffered = buffered.subarray(4 + frame.length);
      const w = waiting.get(frame.readInt32BE(0));
      if (!w) continue;
      waiting.delete(frame.readInt32BE(0));
      w.resolve(decodeResponse(w.apiKey, w.apiVersion, frame).body);
    }
  });
  connection.onClose(() => {
    closed = true;
    for (const w of waiting.values()) w.reject(new Error("the broker closed the connection"));
    waiting.clear();
  });

  const write = (apiKey: number, apiVersion: number, body: object) => {
    const correlationId = nextId++;
    connection.write(encodeRequest({ apiKey, apiVersion, correlationId, clientId }, body));
    return correlationId;
  };
  const client: RequestClient = {
    request(apiKey, apiVersion, body) {
      if (closed) return Promise.reject(new Error("the connection is closed"));
      return new Promise((resolve, reject) => waiting.set(write(apiKey, apiVersion, body), { apiKey, apiVersion, resolve, reject }));
    },
    send(apiKey, apiVersion, body) {
      write(apiKey, apiVersion, body);
    },
    get closed() {
      return closed;
    },
    close: () => connection.close(),
  };
  return new Promise((resolve, reject) => {
    connection.onConnect(() => resolve(client));
    connection.onError(reject);
  });
}
