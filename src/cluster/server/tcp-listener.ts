// A broker's TCP listener (Node only): accepted sockets become transports
// for the broker. With `tls` it is a TLS listener (Node's tls server over
// the same TCP port): the broker serves the decrypted stream, so TLS is only
// a kind of transport. It closes when the broker stops and listens again on
// the same port when the broker starts.
import * as net from "node:net";
import * as tls from "node:tls";
import type { Broker } from "./broker";
import { listenError } from "../faults/listen-error";
import { tcpTransport } from "./tcp-transport";

export type TcpListener = { readonly port: number; close(): Promise<void> };

/** What the usual handshake failures mean for the person running the client. */
const TLS_HINTS: Record<string, string> = {
  ERR_SSL_WRONG_VERSION_NUMBER: "the client does not speak TLS (its security.protocol should be SSL or SASL_SSL)",
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: "the client does not trust this certificate (give it the CA: ssl.ca.location, KAFKA_SSL_CA_FILE)",
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: "the client refused this certificate (does it name the host the client dials?)",
};

/** The broker's certificate chain and private key, PEM (as `tls.createServer` takes them). */
export type TlsIdentity = { cert: string | Buffer; key: string | Buffer };

/** Listens on host:port (0 picks a free port) for `broker`; resolves once listening. */
export async function listenTcp(broker: Broker, host: string, port: number, log: (line: string) => void, identity?: TlsIdentity): Promise<TcpListener> {
  let server: net.Server | undefined;
  const sockets = new Set<net.Socket>();
  let bound = port;

  const create = (serve: (socket: net.Socket) => void): net.Server => {
    if (!identity) return net.createServer(serve);
    const s = tls.createServer({ cert: identity.cert, key: identity.key }, serve);
    s.on("tlsClientError", (err: NodeJS.ErrnoException, socket) => {
      // A client that hangs up before the handshake (a port probe) is not worth a line.
      if (err.code === "ECONNRESET") return;
      const who = socket.remoteAddress ? `${socket.remoteAddress}:${socket.remotePort}` : "a client";
      log(`broker ${broker.nodeId}: TLS handshake with ${who} failed: ${TLS_HINTS[err.code ?? ""] ?? err.message.trim()}`);
    });
    return s;
  };

  const open = async () => {
    const s = create((socket) => broker.accept(tcpTransport(socket)));
    // Raw TCP sockets, handshakes under way included, so that close() ends them all.
    s.on("connection", (socket: net.Socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
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
