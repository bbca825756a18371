import { FaultControl, TopicView } from "./control";
import { FaultRule, FaultRuleSpec } from "./injector";

/**
 * A typed client for the control endpoint (see ./server.ts), with the same
 * {@link FaultControl} API as an in-process cluster's faults. `url` is what
 * `partition-lab cluster` prints as its control address; a `?token=…` in it
 * (an endpoint off loopback has one) is sent as `Authorization: Bearer …`.
 */
export function connectFaultControl(url: string, options: { token?: string } = {}): FaultControl {
  const parsed = new URL(url);
  const token = options.token ?? parsed.searchParams.get("token") ?? undefined;
  const base = `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, "");
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(method === "GET" ? {} : { "content-type": "application/json" }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
      });
    } catch (err) {
      throw new Error(`cannot reach the cluster's control endpoint at ${base} (${(err as Error).message}); is \`partition-lab cluster\` running?`);
    }
    const data = (await res.json().catch(() => ({}))) as T & { error?: string };
    if (!res.ok) throw new Error(`control endpoint: ${data.error ?? `HTTP ${res.status}`}`);
    return data;
  };
  const add = (spec: FaultRuleSpec) => call<FaultRule>("POST", "/v1/faults", spec);
  return {
    add,
    failNext: ({ errorCode, ...t }) => add({ ...t, action: { kind: "error", errorCode } }),
    delayNext: ({ ms, ...t }) => add({ ...t, action: { kind: "delay", ms } }),
    dropNext: (t) => add({ ...t, action: { kind: "drop-response" } }),
    closeNext: (t) => add({ ...t, action: { kind: "close-connection" } }),
    rules: () => call<FaultRule[]>("GET", "/v1/faults"),
    clear: async (id) => {
      await call("DELETE", id === undefined ? "/v1/faults" : `/v1/faults/${id}`);
    },
    stopBroker: async (nodeId) => {
      await call("POST", `/v1/brokers/${nodeId}/stop`);
    },
    startBroker: async (nodeId) => {
      await call("POST", `/v1/brokers/${nodeId}/start`);
    },
    moveLeader: async (topic, partition, leader) => {
      await call("POST", "/v1/leaders", { topic, partition, leader });
    },
    rebalanceGroup: async (groupId) => (await call<{ rebalancing: boolean }>("POST", `/v1/groups/${encodeURIComponent(groupId)}/rebalance`)).rebalancing,
    info: () => call("GET", "/v1/cluster"),
    produceLog: (topic, partition) => call("GET", `/v1/produce-log?topic=${encodeURIComponent(topic)}&partition=${partition}`),
    topics: () => call<TopicView[]>("GET", "/v1/topics"),
    enforceRetention: async () => {
      await call("POST", "/v1/retention");
    },
  };
}
