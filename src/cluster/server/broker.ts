// One broker: it serves every transport it accepts (./connection.ts) until
// it is stopped, and refuses new ones while stopped (fault injection: a
// broker going away and coming back). Listeners (TCP in Node) hook into its
// stop and start; the broker itself knows no network.
import { serveConnection, type BrokerDeps } from "./connection";
import type { Transport } from "./transport";

type Hook = () => void | Promise<void>;

export class Broker {
  private readonly transports = new Set<Transport>();
  private readonly stopHooks: Hook[] = [];
  private readonly startHooks: Hook[] = [];
  private running = true;

  constructor(private readonly deps: BrokerDeps) {}

  get nodeId(): number {
    return this.deps.nodeId;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Serves a client connection; a stopped broker closes it at once. */
  accept(transport: Transport): void {
    if (!this.running) return transport.close();
    this.transports.add(transport);
    transport.onClose(() => this.transports.delete(transport));
    serveConnection(transport, this.deps);
  }

  /** Runs `stop` before the broker drops its connections and `start` when it comes back (a listener closing and reopening). */
  hook(stop: Hook, start: Hook): void {
    this.stopHooks.push(stop);
    this.startHooks.push(start);
  }

  /** Stops accepting and closes every open connection. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const h of this.stopHooks) await h();
    for (const t of this.transports) t.close();
    this.transports.clear();
  }

  async start(): Promise<void> {
    if (this.running) return;
    for (const h of this.startHooks) await h();
    this.running = true;
  }
}
