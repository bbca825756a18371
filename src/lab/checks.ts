// Small helpers so each notebook checks its own claims: a wrong claim throws,
// and the build (which runs every notebook) fails with it.
import type { Kafka } from "kafkajs";

export type Received = { partition: number; offset: number; key: string | null; value: string };

/** A topic name unique to this run, so notebooks can run side by side and again. */
export function uniqueTopic(base: string): string {
  return `${base}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Prints "✓ claim" when it holds; throws "✗ claim" (with `details`) when it does not. */
export function check(claim: string, holds: boolean, details = ""): void {
  if (!holds) throw new Error(`✗ ${claim}${details ? `\n${details}` : ""}`);
  console.log(`✓ ${claim}`);
}

type ReadOptions = { timeoutMs?: number; groupId?: string; readUncommitted?: boolean };

/**
 * Reads exactly `n` messages of `topic` from the beginning with a fresh
 * consumer group, in the order they arrive; throws if they do not arrive
 * within `timeoutMs`, or if more than `n` are there. "No more" is decided by
 * the brokers, not by waiting: after the n-th message the consumer keeps
 * reading until it has passed every partition's end offset as the brokers
 * report it (the last stable offset for read_committed).
 */
export async function consumeExactly(kafka: Kafka, topic: string, n: number, options: ReadOptions = {}): Promise<Received[]> {
  const got = await readToEnd(kafka, topic, n, options);
  if (got.length !== n) throw new Error(`expected exactly ${n} messages on ${topic}, got ${got.length}`);
  return got;
}

/**
 * Reads everything `topic` holds, from the beginning with a fresh consumer
 * group, in the order it arrives, up to every partition's end offset as the
 * brokers report it (the last stable offset for read_committed) — for a cell
 * whose check judges what came back, where the count itself is the claim.
 */
export function consumeAll(kafka: Kafka, topic: string, options: ReadOptions = {}): Promise<Received[]> {
  return readToEnd(kafka, topic, 0, options);
}

/** Reads until at least `n` messages arrived and every partition's end offset was passed. */
async function readToEnd(kafka: Kafka, topic: string, n: number, options: ReadOptions): Promise<Received[]> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const consumer = kafka.consumer({ groupId: options.groupId ?? uniqueTopic(`${topic}-reader`), maxWaitTimeInMs: 100, readUncommitted: options.readUncommitted ?? false });
  const got: Received[] = [];
  const reached = new Map<number, number>(); // partition → the offset after the last one fetched (control records included)
  const deadline = Date.now() + timeoutMs;
  const admin = kafka.admin();
  await Promise.all([consumer.connect(), admin.connect()]);
  try {
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      if (payload.topic === topic) reached.set(payload.partition, Math.max(reached.get(payload.partition) ?? 0, Number(payload.lastOffset) + 1));
    });
    await consumer.subscribe({ topic, fromBeginning: true });
    let failure: unknown;
    consumer.run({
      eachMessage: async ({ partition, message }) => {
        got.push({ partition, offset: Number(message.offset), key: message.key?.toString() ?? null, value: message.value?.toString() ?? "" });
      },
    }).catch((err) => (failure = err));
    const waitFor = async (done: () => boolean, what: () => string) => {
      while (!done()) {
        if (failure) throw failure;
        if (Date.now() > deadline) throw new Error(`${n > 0 ? `expected ${n} messages on ${topic}` : `reading all of ${topic}`}, ${what()} within ${timeoutMs / 1000} s`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await waitFor(() => got.length >= n, () => `got ${got.length}`);
    const ends = await admin.fetchTopicOffsets(topic);
    const unread = () => ends.filter((e) => Number(e.high) > Number(e.low) && (reached.get(e.partition) ?? Number(e.low)) < Number(e.high));
    await waitFor(() => unread().length === 0, () => `got ${got.length} but never reached the end of partition(s) ${unread().map((e) => e.partition).join(", ")}`);
  } finally {
    await Promise.allSettled([consumer.disconnect(), admin.disconnect()]);
  }
  return got;
}

/** Groups received messages by partition, each in offset order. */
export function byPartition(messages: Received[]): Map<number, Received[]> {
  const out = new Map<number, Received[]>();
  for (const m of [...messages].sort((a, b) => a.partition - b.partition || a.offset - b.offset)) {
    out.set(m.partition, [...(out.get(m.partition) ?? []), m]);
  }
  return out;
}

/**
 * Checks that, for every key, the values arrived in the order they were sent.
 * Returns the keys checked; throws naming the first key out of order.
 */
export function assertOrderPerKey(sent: { key: string; value: string }[], received: { key: string | null; value: string }[]): string[] {
  const keys = [...new Set(sent.map((m) => m.key))];
  for (const key of keys) {
    const want = sent.filter((m) => m.key === key).map((m) => m.value);
    const got = received.filter((m) => m.key === key).map((m) => m.value);
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      throw new Error(`order broken for key ${key}: sent ${JSON.stringify(want)}, received ${JSON.stringify(got)}`);
    }
  }
  return keys;
}

/** What a producer's retries did to a sequence of distinct messages, in words a prediction can name. */
export type Delivery = {
  verdict: "in order" | "reordered" | "duplicated" | "lost" | "lost and duplicated";
  lost: string[];
  duplicated: string[];
};

/** Compares what was sent (distinct values, in sending order) with what a partition stores. */
export function deliveryOf(sent: string[], stored: string[]): Delivery {
  const counts = new Map<string, number>();
  for (const v of stored) counts.set(v, (counts.get(v) ?? 0) + 1);
  const lost = sent.filter((v) => !counts.has(v));
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([v]) => v);
  const verdict: Delivery["verdict"] =
    lost.length > 0 ? (duplicated.length > 0 ? "lost and duplicated" : "lost")
      : duplicated.length > 0 ? "duplicated"
        : stored.join("\u0000") === sent.join("\u0000") ? "in order" : "reordered";
  return { verdict, lost, duplicated };
}
