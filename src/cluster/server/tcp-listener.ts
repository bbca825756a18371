// A broker's TCP listener (Node only): accepted sockets become transports
// for the broker. It closes when the broker stops and listens again on the
// same port when the broker starts.
import * as net from "node:net";
import type { Broker } from "./broker";
import { listenError } from "../faults/listen-error";
import { tcpTransport } from "./tcp-transport";

export type TcpListener = { readonly port: number; close(): Promise<void> };

/** Listens on host:port (0 picks a free port) for `broker`; resolves once listening. */
export async function listenTcp(broker: Broker, host: string, port: number, log: (line: string) => void): Promise<TcpListener> {
  let server: net.Server | undefined;
  const sockets = new Set<net.Socket>();
  let bound = port;

  const open = async () => {
    const s = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      broker.accept(tcpTransport(socket));
    });
    await new Promise<void>((resolve, reject) => {
      s.once("error", (err: NodeJS.ErrnoException) => reject(listenError(err, host, bound)));
      s.listen(bound, host, () => resolve());
    });
    s.on("error", (err) => log(`broker ${broker.nodeId}: listener error: ${err.message}`));
    bound = (s.address() as net.AddressInfo).port;
    server = s;
  };
  const close = async () => {
    const s = server;
    server = undefined;
    if (!s) return;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await open();
  broker.hook(close, open);
  return {
    get port() {
      return bound;
    },
    close,
  };
}
