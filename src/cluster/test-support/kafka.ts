// Helpers for the end-to-end tests of groups, idempotence and transactions.
import { Kafka, KafkaConfig, logLevel, type Admin, type ITopicConfig, type Producer, type ProducerConfig } from "kafkajs";
import { afterAll, beforeAll } from "vitest";
import { startCluster, type Cluster, type ClusterOptions } from "../cluster";

/** Starts a cluster before this test file's tests and stops it after them; call the result for the cluster. */
export function clusterForThisFile(options: ClusterOptions = {}): () => Cluster {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster(options);
  });
  afterAll(async () => cluster?.stop());
  return () => {
    if (!cluster) throw new Error("the cluster is not started yet (use it inside a test)");
    return cluster;
  };
}

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

/** A connected kafkajs admin for `bootstrap` (the caller disconnects it). */
export async function connectedAdmin(bootstrap: string): Promise<Admin> {
  const admin = client(bootstrap).admin();
  await admin.connect();
  return admin;
}

/** Creates `topics`, then returns the connected admin and a connected producer (callers disconnect both). */
export async function topicsWithProducer(kafka: Kafka, topics: ITopicConfig[], config: ProducerConfig = {}): Promise<{ admin: Admin; producer: Producer }> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics });
  const producer = kafka.producer(config);
  await producer.connect();
  return { admin, producer };
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

export type Consumed = { partition: number; offset: string; key: string | null; value: string };

/**
 * The one way tests read records: a throwaway consumer group reads `topic`
 * from the beginning until `expected` records arrived (in arrival order),
 * then for `graceMs` more so that a record beyond them (a duplicate) shows
 * up too; fails naming the count after `timeoutMs`.
 */
export async function consumeN(kafka: Kafka, topic: string, expected: number, options: { readUncommitted?: boolean; timeoutMs?: number; graceMs?: number } = {}): Promise<Consumed[]> {
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Math.random().toString(36).slice(2)}`, readUncommitted: options.readUncommitted ?? false, maxWaitTimeInMs: 100 });
  const seen: Consumed[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        seen.push({ partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value?.toString() ?? "" });
      },
    });
    await waitFor(() => seen.length >= expected, `${expected} messages on ${topic} (have ${seen.length})`, options.timeoutMs ?? 30_000);
    if (options.graceMs) await new Promise((r) => setTimeout(r, options.graceMs));
  } finally {
    await consumer.disconnect();
  }
  return seen;
}

/** Values per partition, in log order, of a whole topic read with {@link consumeN} (300 ms grace for duplicates). */
export async function readAll(kafka: Kafka, topic: string, expected: number, options: { readUncommitted?: boolean; timeoutMs?: number } = {}): Promise<Map<number, string[]>> {
  const byPartition = new Map<number, string[]>();
  for (const r of await consumeN(kafka, topic, expected, { ...options, graceMs: 300 })) byPartition.set(r.partition, [...(byPartition.get(r.partition) ?? []), r.value]);
  return byPartition;
}
