import { randomBytes } from "node:crypto";
import * as http from "node:http";
import { AddressInfo } from "node:net";
import { listenError } from "./listen-error";
import { FaultControl } from "./control";
import { refusal } from "./request-guard";

export { controlListenPlan, isLoopback } from "./request-guard";

/**
 * The control endpoint: a small JSON-over-HTTP API so a notebook can inject
 * faults into a cluster running in another process.
 *
 *   GET    /v1/cluster                      → { bootstrap, brokers: [{ nodeId, host, port, up }] }
 *   GET    /v1/topics                       → topics: partitions with leader, replicas, isr, offsets
 *   GET    /v1/faults                       → active rules
 *   POST   /v1/faults                       { api, action: { kind, … }, count?, topic?, partition?, broker? } → the rule
 *   DELETE /v1/faults[/ID]                  → removes one rule or all
 *   POST   /v1/brokers/ID/stop | /start     → stops or restarts a broker
 *   POST   /v1/leaders                      { topic, partition, leader } → moves a partition's leader
 *   POST   /v1/groups/GROUP/rebalance       → { rebalancing: boolean }
 *   GET    /v1/produce-log?topic=T&partition=P → the partition's Produce batches and answers
 *   POST   /v1/retention                    → runs one retention pass
 *
 * Every request other than GET must say `Content-Type: application/json`;
 * requests with a foreign Origin or Host are refused (./request-guard.ts);
 * with a token, every request needs `Authorization: Bearer TOKEN`.
 * Errors answer `{ "error": "…" }` with status 400 (bad input), 401, 403, 404, 405 or 415.
 */
export async function startControlServer(control: FaultControl, options: { port?: number; host?: string; tokenRequired?: boolean } = {}): Promise<{ url: string; token?: string; close(): Promise<void> }> {
  const host = options.host ?? "127.0.0.1";
  const token = options.tokenRequired ? randomBytes(24).toString("hex") : undefined;
  let listening = { host, port: 0 };
  const server = http.createServer((req, res) => {
    const refused = refusal(req.method ?? "GET", req.headers, listening, token);
    if (refused) {
      req.resume();
      return reply(res, refused.status, { error: refused.error });
    }
    handle(control, req)
      .then(({ status, body }) => reply(res, status, body))
      .catch((err: unknown) => reply(res, 400, { error: err instanceof Error ? err.message : String(err) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => reject(listenError(err, host, options.port ?? 0, "--control-port")));
    server.listen(options.port ?? 0, host, () => resolve());
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  listening = { host, port };
  const hostPart = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${hostPart}:${port}${token ? `/?token=${token}` : ""}`,
    token,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

type Answer = { status: number; body: unknown };

async function handle(control: FaultControl, req: http.IncomingMessage): Promise<Answer> {
  const url = new URL(req.url ?? "/", "http://control");
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const method = req.method ?? "GET";
  const route = `${method} /${parts.slice(0, 2).join("/")}`;
  const input = method === "POST" ? await readJson(req) : {};

  if (parts[0] !== "v1") return notFound(method, url.pathname);
  switch (route) {
    case "GET /v1/cluster":
      return ok(await control.info());
    case "GET /v1/produce-log": {
      const topic = url.searchParams.get("topic");
      if (!topic) throw new Error("produce-log needs ?topic=NAME&partition=N");
      return ok(await control.produceLog(topic, toInt(url.searchParams.get("partition") ?? undefined, "partition")));
    }
    case "GET /v1/topics":
      return ok(await control.topics());
    case "GET /v1/faults":
      return ok(await control.rules());
    case "POST /v1/faults":
      return ok(await control.add(input as never));
    case "DELETE /v1/faults":
      await control.clear(parts[2] === undefined ? undefined : toInt(parts[2], "rule id"));
      return ok({});
    case "POST /v1/brokers": {
      const nodeId = toInt(parts[2], "broker id");
      if (parts[3] === "stop") await control.stopBroker(nodeId);
      else if (parts[3] === "start") await control.startBroker(nodeId);
      else return notFound(method, url.pathname);
      return ok({});
    }
    case "POST /v1/leaders": {
      const { topic, partition, leader } = input as { topic?: unknown; partition?: unknown; leader?: unknown };
      if (typeof topic !== "string") throw new Error("body needs a topic (string)");
      await control.moveLeader(topic, toInt(partition, "partition"), toInt(leader, "leader"));
      return ok({});
    }
    case "POST /v1/groups":
      if (parts[3] !== "rebalance" || parts[2] === undefined) return notFound(method, url.pathname);
      return ok({ rebalancing: await control.rebalanceGroup(parts[2]) });
    case "POST /v1/retention":
      await control.enforceRetention();
      return ok({});
    default:
      return notFound(method, url.pathname);
  }
}

const ok = (body: unknown): Answer => ({ status: 200, body });
const notFound = (method: string, path: string): Answer => ({
  status: 404,
  body: { error: `no route ${method} ${path}; see the routes in src/cluster/faults/server.ts or the README` },
});

function toInt(v: unknown, what: string): number {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n)) throw new Error(`${what} must be an integer, got ${JSON.stringify(v)}`);
  return n;
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1 << 20) throw new Error("request body larger than 1 MiB");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new Error("request body is not valid JSON");
  }
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
