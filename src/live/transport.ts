// TEMPORARY: the transport seam as agreed with the cluster's owners, until
// `src/cluster/server/transport.ts` lands; then this file goes and its users
// import from there. A Transport is one end of a byte stream; a memory pipe
// joins two ends in this process (what a browser has instead of TCP).

export interface Transport {
  readonly remoteAddress: string;
  write(bytes: Uint8Array): void;
  close(): void;
  pause(): void;
  resume(): void;
  onData(listener: (chunk: Uint8Array) => void): void;
  onClose(listener: () => void): void;
}

let nextPipe = 1;

/** Two connected ends: what one writes, the other receives (asynchronously, in order). */
export function createMemoryPipe(): { server: Transport; client: Transport } {
  const id = nextPipe++;
  const a = new PipeEnd(`memory:${id}`);
  const b = new PipeEnd(`memory:${id}`);
  a.peer = b;
  b.peer = a;
  return { server: a, client: b };
}

class PipeEnd implements Transport {
  peer!: PipeEnd;
  private dataListeners: ((chunk: Uint8Array) => void)[] = [];
  private closeListeners: (() => void)[] = [];
  private queued: Uint8Array[] = [];
  private paused = false;
  private closed = false;

  constructor(readonly remoteAddress: string) {}

  write(bytes: Uint8Array): void {
    if (this.closed) return;
    const copy = bytes.slice();
    queueMicrotask(() => this.peer.receive(copy));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    queueMicrotask(() => {
      this.finish();
      this.peer.finish();
    });
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    while (!this.paused && this.queued.length > 0) this.deliver(this.queued.shift()!);
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.dataListeners.push(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  private receive(chunk: Uint8Array): void {
    if (this.paused) this.queued.push(chunk);
    else this.deliver(chunk);
  }

  private deliver(chunk: Uint8Array): void {
    for (const l of this.dataListeners) l(chunk);
  }

  private finish(): void {
    this.closed = true;
    const listeners = this.closeListeners.splice(0);
    this.dataListeners = [];
    for (const l of listeners) l();
  }
}
