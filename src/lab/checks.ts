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

/**
 * Reads exactly `n` messages of `topic` from the beginning with a fresh
 * consumer group; throws if they do not arrive within `timeoutMs`, or if
 * more than `n` arrive before it returns.
 */
export async function consumeExactly(kafka: Kafka, topic: string, n: number, options: { timeoutMs?: number; groupId?: string; readUncommitted?: boolean } = {}): Promise<Received[]> {
  const consumer = kafka.consumer({ groupId: options.groupId ?? uniqueTopic(`${topic}-reader`), maxWaitTimeInMs: 200, readUncommitted: options.readUncommitted ?? false });
  const got: Received[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${n} messages on ${topic}, got ${got.length} within ${(options.timeoutMs ?? 15_000) / 1000} s`)), options.timeoutMs ?? 15_000);
      consumer.run({
        eachMessage: async ({ partition, message }) => {
          got.push({ partition, offset: Number(message.offset), key: message.key?.toString() ?? null, value: message.value?.toString() ?? "" });
          if (got.length >= n) {
            clearTimeout(timer);
            resolve();
          }
        },
      }).catch(reject);
    });
    // A short grace period: anything beyond n (a duplicate) would show up now.
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    await consumer.disconnect();
  }
  if (got.length !== n) throw new Error(`expected exactly ${n} messages on ${topic}, got ${got.length}`);
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
