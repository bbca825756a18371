// One broker: a TCP listener on its own port whose connections are served by
// ./connection.ts. It can be stopped and started again on the same port
// (fault injection: a broker going away and coming back).
import * as net from "node:net";
import { serveConnection, type BrokerDeps } from "./connection";
import { tcpTransport } from "./tcp-transport";

export class BrokerServer {
  private server: net.Server | undefined;
  private sockets = new Set<net.Socket>();
  port: number;

  constructor(private deps: BrokerDeps, readonly host: string, port: number) {
    this.port = port;
  }

  get nodeId(): number {
    return this.deps.nodeId;
  }

  async start(): Promise<void> {
    const server = net.createServer((socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      serveConnection(tcpTransport(socket), this.deps);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", (err: NodeJS.ErrnoException) => {
        reject(err.code === "EADDRINUSE" ? new Error(`port ${this.port} on ${this.host} is already in use (is another cluster running? try --port 0 for free ports)`) : err);
      });
      server.listen(this.port, this.host, () => resolve());
    });
    server.on("error", (err) => this.deps.log(`broker ${this.nodeId}: listener error: ${err.message}`));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
