// The in-memory pipe behaves as a socket would for the connection loop and
// for a client adapter: connect first, bytes in order and copied, pause
// holds data back, a close reaches both ends once, after any data already
// written, a refused connection errors then closes, and a peer that answers
// every chunk at once cannot keep the host's timers from running.
import { describe, expect, it } from "vitest";
import { createMemoryPipe, refusedConnection } from "./transport";

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A pipe whose server end is paused and records what it is handed, as text. */
function pausedServer() {
  const pipe = createMemoryPipe();
  const got: string[] = [];
  pipe.server.onData((b) => got.push(Buffer.from(b).toString()));
  pipe.server.pause();
  return { ...pipe, got };
}

describe("createMemoryPipe", () => {
  it("connects, then carries bytes both ways in order, copied at write time", async () => {
    const { server, client } = createMemoryPipe();
    const events: string[] = [];
    client.onConnect(() => events.push("connect"));
    server.onData((b) => events.push(`server got ${Buffer.from(b).toString()}`));
    client.onData((b) => events.push(`client got ${Buffer.from(b).toString()}`));
    const reused = Buffer.from("a");
    client.write(reused);
    reused[0] = "z".charCodeAt(0);
    client.write(Buffer.from("b"));
    server.write(Buffer.from("c"));
    await tick();
    expect(events).toEqual(["connect", "server got a", "server got b", "client got c"]);
    expect(server.remoteAddress).toBe(client.localAddress);
    expect(server.remoteAddress).toMatch(/^memory:\d+$/);
  });

  it("holds data back while the server end is paused", async () => {
    const { server, client, got } = pausedServer();
    client.write(Buffer.from("x"));
    await tick();
    expect(got).toEqual([]);
    server.resume();
    await tick();
    expect(got).toEqual(["x"]);
  });

  it("keeps the order of held bytes and bytes still on their way when it resumes", async () => {
    const { server, client, got } = pausedServer();
    client.write(Buffer.from("held"));
    await tick();
    client.write(Buffer.from("in flight")); // delivered after resume() below
    server.resume();
    await tick();
    expect(got).toEqual(["held", "in flight"]);
  });

  it("closes both ends once, after the bytes written before the close", async () => {
    const { server, client } = createMemoryPipe();
    const events: string[] = [];
    client.onData((b) => events.push(`data ${Buffer.from(b).toString()}`));
    client.onClose(() => events.push("client closed"));
    server.onClose(() => events.push("server closed"));
    client.onError((err) => events.push(`error ${err.message}`));
    server.write(Buffer.from("last"));
    server.close();
    client.close();
    await tick();
    client.write(Buffer.from("late"));
    await tick();
    expect(events).toEqual(["data last", "server closed", "client closed", `error write after close on ${client.localAddress}`]);
  });

  it("lets a timer run while both ends answer every chunk at once", async () => {
    const { server, client } = createMemoryPipe();
    const LIMIT = 100_000;
    let exchanges = 0;
    server.onData((b) => server.write(b));
    client.onData((b) => {
      if (++exchanges < LIMIT) client.write(b);
    });
    client.write(Buffer.from("fetch"));
    const atTimer = await new Promise<number>((resolve) => setTimeout(() => resolve(exchanges), 0));
    exchanges = LIMIT; // the client stops asking
    client.close();
    expect(atTimer).toBeGreaterThan(0);
    expect(atTimer).toBeLessThan(LIMIT);
  });

  it("a refused connection errors, closes and never connects", async () => {
    const client = refusedConnection("127.0.0.1:9092");
    const events: string[] = [];
    client.onConnect(() => events.push("connect"));
    client.onError((err) => events.push((err as Error & { code: string }).code));
    client.onClose(() => events.push("closed"));
    await tick();
    expect(events).toEqual(["ECONNREFUSED", "closed"]);
  });
});
