import { ApiKey } from "../protocol/messages";

/**
 * Fault injection for teaching: rules that make the broker fail, delay or
 * swallow the answer to the next N requests of an API (optionally only those
 * touching one topic/partition, or reaching one broker). The broker asks
 * {@link FaultInjector.decide} before dispatching every request.
 */

/** What the broker does with one request. `drop-response` still processes it: the client just never hears back. */
export type FaultDecision =
  | { kind: "error"; errorCode: number }
  | { kind: "delay"; ms: number }
  | { kind: "drop-response" }
  | { kind: "close-connection" };

export type FaultRequest = { brokerId: number; apiKey: number; apiVersion: number; body: unknown };

/** Which requests a rule applies to. Unset fields match everything. */
export type FaultTarget = {
  /** API key, or its Kafka name ("Produce", "Fetch", "JoinGroup", …). */
  api: number | string;
  topic?: string;
  partition?: number;
  broker?: number;
};

export type FaultRuleSpec = FaultTarget & {
  action: FaultDecision;
  /** How many matching requests to affect (default 1). */
  count?: number;
  /** Let this many matching requests through untouched first (default 0): "fail the 3rd Produce". */
  skip?: number;
};

export type FaultRule = {
  id: number;
  apiKey: number;
  topic?: string;
  partition?: number;
  broker?: number;
  action: FaultDecision;
  /** Matching requests still to let through before the rule acts. */
  skip: number;
  /** Matching requests still to affect. */
  remaining: number;
  /** Requests affected so far. */
  hits: number;
};

/** Kafka API keys by name, for rules written by people: the APIs the cluster serves. */
export const API_KEYS: Record<string, number> = ApiKey;

/** Resolves an API name or key; throws a readable error for a typo. */
export function apiKeyOf(api: number | string): number {
  if (typeof api === "number" && Number.isInteger(api) && api >= 0) return api;
  const key = typeof api === "string" ? API_KEYS[api] ?? API_KEYS[Object.keys(API_KEYS).find((n) => n.toLowerCase() === api.toLowerCase()) ?? ""] : undefined;
  if (key === undefined) throw new Error(`unknown Kafka API "${api}"; use a key number or one of: ${Object.keys(API_KEYS).join(", ")}`);
  return key;
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;

  /** Adds a rule; rules are tried in the order they were added, the first match wins. */
  add(spec: FaultRuleSpec): FaultRule {
    const count = spec.count ?? 1;
    if (!(count > 0)) throw new Error(`count must be at least 1 (got ${spec.count})`);
    const skip = spec.skip ?? 0;
    if (!(skip >= 0)) throw new Error(`skip must be 0 or more (got ${spec.skip})`);
    validateAction(spec.action);
    const rule: FaultRule = {
      id: this.nextId++,
      apiKey: apiKeyOf(spec.api),
      topic: spec.topic,
      partition: spec.partition,
      broker: spec.broker,
      action: spec.action,
      skip,
      remaining: count,
      hits: 0,
    };
    this.rules.push(rule);
    return { ...rule };
  }

  /** Fails the next `count` matching requests with `errorCode` (the request is not processed). */
  failNext(target: FaultTarget & { errorCode: number; count?: number; skip?: number }): FaultRule {
    return this.add({ ...target, action: { kind: "error", errorCode: target.errorCode } });
  }

  /** Holds the answer to the next `count` matching requests for `ms`. */
  delayNext(target: FaultTarget & { ms: number; count?: number; skip?: number }): FaultRule {
    return this.add({ ...target, action: { kind: "delay", ms: target.ms } });
  }

  /** Processes the next `count` matching requests but never answers: the client times out and retries. */
  dropNext(target: FaultTarget & { count?: number; skip?: number }): FaultRule {
    return this.add({ ...target, action: { kind: "drop-response" } });
  }

  /** Closes the connection instead of answering the next `count` matching requests. */
  closeNext(target: FaultTarget & { count?: number; skip?: number }): FaultRule {
    return this.add({ ...target, action: { kind: "close-connection" } });
  }

  /** Removes one rule, or all of them. */
  clear(id?: number): void {
    this.rules = id === undefined ? [] : this.rules.filter((r) => r.id !== id);
  }

  /** The rules still active (copies). */
  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The broker's hook: what to do with this request, or undefined to handle it normally. */
  decide(request: FaultRequest): FaultDecision | undefined {
    for (const rule of this.rules) {
      if (!matches(rule, request)) continue;
      if (rule.skip > 0) {
        rule.skip -= 1;
        return undefined;
      }
      rule.hits += 1;
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      return rule.action;
    }
    return undefined;
  }
}

function validateAction(action: FaultDecision): void {
  switch (action?.kind) {
    case "error":
      if (!Number.isInteger(action.errorCode)) throw new Error("an error fault needs an integer errorCode");
      return;
    case "delay":
      if (!(action.ms >= 0)) throw new Error("a delay fault needs ms >= 0");
      return;
    case "drop-response":
    case "close-connection":
      return;
    default:
      throw new Error(`unknown fault action ${JSON.stringify(action)}; use error, delay, drop-response or close-connection`);
  }
}

function matches(rule: FaultRule, req: FaultRequest): boolean {
  if (rule.apiKey !== req.apiKey) return false;
  if (rule.broker !== undefined && rule.broker !== req.brokerId) return false;
  if (rule.topic === undefined && rule.partition === undefined) return true;
  return partitionsOf(req.body).some(
    (tp) => (rule.topic === undefined || tp.topic === rule.topic) && (rule.partition === undefined || tp.partition === rule.partition),
  );
}

type Loose = Record<string, unknown>;

/**
 * The topic-partitions a decoded request touches. Request schemas name these
 * differently (Produce: topicData[].name / partitionData[].index; Fetch:
 * topics[].topic / partitions[].partition; others: partitionIndex), so look for all.
 */
export function partitionsOf(body: unknown): { topic: string; partition?: number }[] {
  const out: { topic: string; partition?: number }[] = [];
  if (!body || typeof body !== "object") return out;
  const b = body as Loose;
  for (const list of [b.topicData, b.topics]) {
    if (!Array.isArray(list)) continue;
    for (const t of list as Loose[]) {
      const topic = typeof t?.name === "string" ? t.name : typeof t?.topic === "string" ? t.topic : undefined;
      if (topic === undefined) continue;
      const parts = (Array.isArray(t.partitionData) ? t.partitionData : Array.isArray(t.partitions) ? t.partitions : Array.isArray(t.partitionIndexes) ? t.partitionIndexes : []) as unknown[];
      if (parts.length === 0) out.push({ topic });
      for (const p of parts) {
        const index = typeof p === "number" ? p : ((p as Loose)?.index ?? (p as Loose)?.partition ?? (p as Loose)?.partitionIndex);
        out.push({ topic, partition: typeof index === "number" ? index : undefined });
      }
    }
  }
  return out;
}
