// The control endpoint refuses what a web page could send it: a body that is
// not JSON (a "simple" cross-site POST needs no preflight), a foreign Origin,
// a Host that is not the endpoint's own address (DNS rebinding); it answers
// no CORS preflight. It listens on loopback whatever --host the brokers use,
// and when asked to listen elsewhere it requires the token it was started with.
import * as http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../cluster";
import { connectFaultControl } from "./client";
import { controlListenPlan } from "./server";

const clusters: Cluster[] = [];
afterEach(async () => Promise.all(clusters.splice(0).map((c) => c.stop())));

async function started(options: Parameters<typeof startCluster>[0] = {}): Promise<Cluster> {
  const cluster = await startCluster({ brokers: 1, ...options });
  clusters.push(cluster);
  return cluster;
}

type Answer = { status: number; body: string; headers: http.IncomingHttpHeaders };

function send(controlUrl: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const url = new URL(controlUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: { ...headers, ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }) } }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, body: text, headers: res.headers }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the control endpoint", () => {
  it("refuses a state change whose body is not declared JSON", async () => {
    const cluster = await started();
    const bodies: Record<string, string>[] = [{}, { "content-type": "text/plain" }, { "content-type": "application/x-www-form-urlencoded" }];
    for (const headers of bodies) {
      const answer = await send(cluster.controlUrl, "POST", "/v1/brokers/1/stop", headers, "{}");
      expect(answer.status, JSON.stringify(headers)).toBe(415);
    }
    expect(cluster.broker(1).isRunning).toBe(true);
    expect((await send(cluster.controlUrl, "POST", "/v1/brokers/1/stop", { "content-type": "application/json; charset=utf-8" }, "{}")).status).toBe(200);
    expect(cluster.broker(1).isRunning).toBe(false);
  });

  it("refuses a foreign Origin and a foreign Host, and answers no CORS preflight", async () => {
    const cluster = await started();
    const own = new URL(cluster.controlUrl);
    const foreign = await send(cluster.controlUrl, "DELETE", "/v1/faults", { "content-type": "application/json", origin: "http://evil.example" }, "{}");
    expect(foreign.status).toBe(403);
    expect((await send(cluster.controlUrl, "GET", "/v1/cluster", { origin: "null" })).status).toBe(403);
    expect((await send(cluster.controlUrl, "GET", "/v1/cluster", { origin: own.origin })).status).toBe(200);
    const rebound = await send(cluster.controlUrl, "GET", "/v1/cluster", { host: `evil.example:${own.port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain("bootstrap");
    expect((await send(cluster.controlUrl, "GET", "/v1/cluster", { host: `localhost:${own.port}` })).status).toBe(200);
    const preflight = await send(cluster.controlUrl, "OPTIONS", "/v1/faults", { origin: "http://evil.example", "access-control-request-method": "POST" });
    expect(preflight.status).toBe(403);
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("requires its token when it has one; the client takes it from the URL", async () => {
    const cluster = await started({ controlToken: true });
    const url = new URL(cluster.controlUrl);
    const token = url.searchParams.get("token");
    expect(token).toMatch(/^[0-9a-f]{32,}$/);
    expect((await send(cluster.controlUrl, "GET", "/v1/cluster")).status).toBe(401);
    expect((await send(cluster.controlUrl, "GET", "/v1/cluster", { authorization: "Bearer wrong" })).status).toBe(401);
    expect((await send(cluster.controlUrl, "GET", "/v1/cluster", { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await connectFaultControl(cluster.controlUrl).info()).brokers).toHaveLength(1);
    await expect(connectFaultControl(`${url.origin}`).info()).rejects.toThrow(/token/);
  });

  it("listens on loopback unless told otherwise, and then needs a token", () => {
    expect(controlListenPlan({ host: "0.0.0.0" })).toEqual({ host: "127.0.0.1", tokenRequired: false });
    expect(controlListenPlan({ host: "127.0.0.1" })).toEqual({ host: "127.0.0.1", tokenRequired: false });
    expect(controlListenPlan({ host: "0.0.0.0", controlHost: "0.0.0.0" })).toEqual({ host: "0.0.0.0", tokenRequired: true });
    expect(controlListenPlan({ controlHost: "192.168.1.20" })).toEqual({ host: "192.168.1.20", tokenRequired: true });
    expect(controlListenPlan({ controlHost: "::1" })).toEqual({ host: "::1", tokenRequired: false });
    expect(controlListenPlan({ controlHost: "localhost", controlToken: true })).toEqual({ host: "localhost", tokenRequired: true });
  });
});
