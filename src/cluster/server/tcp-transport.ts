// A TCP socket, or a TLS socket over one, as a Transport (Node only).
import type { Socket } from "node:net";
import type { Transport } from "./transport";

/** Wraps an accepted socket; a socket error closes it (the loop then sees onClose). */
export function tcpTransport(socket: Socket): Transport {
  socket.setNoDelay(true);
  socket.on("error", () => socket.destroy());
  return {
    remoteAddress: `${socket.remoteAddress ?? "unknown"}:${socket.remotePort ?? 0}`,
    write: (bytes) => void socket.write(bytes),
    close: () => {
      // What was written still goes out (a refusal's answer before the close), as with the memory pipe;
      // a peer that reads nothing does not keep the socket longer than a few seconds.
      socket.end(() => socket.destroy());
      setTimeout(() => socket.destroy(), 5000).unref();
    },
    pause: () => void socket.pause(),
    resume: () => void socket.resume(),
    onData: (listener) => void socket.on("data", listener),
    onClose: (listener) => void socket.on("close", () => listener()),
  };
}
