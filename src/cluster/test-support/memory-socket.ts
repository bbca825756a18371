// A kafkajs `socketFactory` over the cluster core's in-memory connections:
// kafkajs talks to `createCluster` with no TCP at all. A socket-like object
// on top of MemoryClient, with the events kafkajs listens to.
import { EventEmitter } from "node:events";
import type { ISocketFactory } from "kafkajs";
import type { ClusterCore } from "../core";

export function memorySocketFactory(cluster: ClusterCore): ISocketFactory {
  return ({ host, port, onConnect }) => {
    const client = cluster.connect(host, port);
    const socket = Object.assign(new EventEmitter(), {
      write: (data: Uint8Array) => (client.write(data), true),
      end: () => client.close(),
      destroy: () => client.close(),
      unref: () => socket,
      setKeepAlive: () => socket,
    });
    client.onConnect(onConnect);
    client.onData((chunk) => socket.emit("data", Buffer.from(chunk)));
    client.onError((err) => socket.emit("error", err));
    client.onClose(() => socket.emit("end"));
    return socket as never;
  };
}
