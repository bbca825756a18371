// Helpers for the end-to-end tests of groups, idempotence and transactions.
import { Kafka, KafkaConfig, logLevel } from "kafkajs";

/** A kafkajs client that stays quiet (its retries are expected in these tests). */
export function client(bootstrap: string, extra: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: "partition-lab-test",
    brokers: bootstrap.split(","),
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 100, retries: 8 },
    ...extra,
  });
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs a Python script with Debian's interpreter (where confluent-kafka and kafka-python live). */
export { python as runPython } from "./external";

/** Reads a whole topic from the beginning with a throwaway group; returns values per partition in log order. */
export async function readAll(kafka: Kafka, topic: string, expected: number, options: { readUncommitted?: boolean; timeoutMs?: number } = {}): Promise<Map<number, string[]>> {
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Math.random().toString(36).slice(2)}`, readUncommitted: options.readUncommitted ?? false, maxWaitTimeInMs: 500 });
  const byPartition = new Map<number, string[]>();
  let count = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const list = byPartition.get(partition) ?? [];
        list.push(message.value?.toString() ?? "");
        byPartition.set(partition, list);
        count++;
      },
    });
    await waitFor(() => count >= expected, `${expected} messages on ${topic} (have ${count})`, options.timeoutMs ?? 30_000);
    // Give a chance to see anything beyond what was expected (duplicates).
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    await consumer.disconnect();
  }
  return byPartition;
}
