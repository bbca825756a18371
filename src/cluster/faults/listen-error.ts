// Why a listener could not open, said so a user knows what to do (Node
// only): the control endpoint's (./server.ts) and the brokers' TCP listeners
// (../server/tcp-listener.ts, a layer above).

/** A listener that could not open: the message names the address and the flag to change. */
export class ListenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ListenError";
  }
}

/** Turns a listen() failure on host:port into a ListenError naming `flag`, the option that chose the port. */
export function listenError(err: NodeJS.ErrnoException, host: string, port: number, flag = "--port"): Error {
  switch (err.code) {
    case "EADDRINUSE":
      return new ListenError(`port ${port} on ${host} is already in use (is another cluster running?); choose another with ${flag}, or ${flag} 0 for free ports`);
    case "EACCES":
      return new ListenError(`port ${port} on ${host} needs privileges this user lacks; use a port above 1023 (${flag})`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new ListenError(`cannot listen on ${host}: no such host; give an address of this machine with --host (e.g. 127.0.0.1)`);
    case "EADDRNOTAVAIL":
      return new ListenError(`cannot listen on ${host}: not an address of this machine; give one of its addresses with --host (e.g. 127.0.0.1, or 0.0.0.0 for all)`);
    default:
      return err;
  }
}
