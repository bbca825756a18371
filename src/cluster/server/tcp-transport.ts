// A TCP socket as a Transport (Node only).
import type { Socket } from "node:net";
import type { Transport } from "./transport";

/** Wraps an accepted socket; a socket error closes it (the loop then sees onClose). */
export function tcpTransport(socket: Socket): Transport {
  socket.setNoDelay(true);
  socket.on("error", () => socket.destroy());
  return {
    remoteAddress: `${socket.remoteAddress ?? "unknown"}:${socket.remotePort ?? 0}`,
    write: (bytes) => void socket.write(bytes),
    close: () => void socket.destroy(),
    pause: () => void socket.pause(),
    resume: () => void socket.resume(),
    onData: (listener) => void socket.on("data", listener),
    onClose: (listener) => void socket.on("close", () => listener()),
  };
}
