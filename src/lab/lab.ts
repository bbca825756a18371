// The object a notebook works with once it has a cluster: kafkajs clients
// that are remembered (so `close()` disconnects them all), topic creation
// that waits for leaders, and fault injection. Platform-neutral: Node's
// `connect` (./connect.ts) and the site's in-page `connect` both build it.
import { Kafka, logLevel, Partitioners, type Admin, type Consumer, type ConsumerConfig, type KafkaConfig, type Producer, type ProducerConfig } from "kafkajs";
import type { ClusterCore } from "../cluster";
import type { FaultControl } from "../cluster/faults/control";

export type ClusterSource = "KAFKA_BROKERS" | "local" | "embedded" | "in-page";

export type Lab = {
  kafka: Kafka;
  /** A separate kafkajs client with other settings (e.g. a short requestTimeout to make retries visible). */
  client(overrides: Partial<KafkaConfig>): Kafka;
  bootstrap: string;
  source: ClusterSource;
  /** The in-process cluster, when `source` is "embedded" (in a kernel) or "in-page" (in a live page). */
  cluster?: ClusterCore;
  /** Fault injection; throws a clear error on a real Kafka cluster, which has none. */
  faults(): Promise<FaultControl>;
  admin(): Promise<Admin>;
  /**
   * Creates a topic and waits for its leaders. Without a replication factor the cluster picks its
   * default.replication.factor (1 on the embedded cluster, 3 on cloud services that require it).
   */
  createTopic(topic: string, partitions: number, replicationFactor?: number): Promise<void>;
  producer(config?: ProducerConfig): Promise<Producer>;
  consumer(config: ConsumerConfig): Promise<Consumer>;
  /** Disconnects every client made here and stops a cluster started for this lab. */
  close(): Promise<void>;
};

/** The kafkajs settings every notebook client shares (quiet, patient retries). */
export function labKafkaConfig(bootstrap: string, extra: Partial<KafkaConfig> = {}): KafkaConfig {
  return { clientId: "partition-lab", brokers: bootstrap.split(","), logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 100 }, ...extra };
}

export type LabParts = {
  config: KafkaConfig;
  bootstrap: string;
  source: ClusterSource;
  cluster?: ClusterCore;
  faults(): Promise<FaultControl>;
  /** Stops what this lab started (an embedded cluster), after its clients disconnected. */
  stop?(): Promise<void>;
};

/** Builds a {@link Lab} over a cluster that was found or started. */
export function createLab(parts: LabParts): Lab {
  const { config } = parts;
  const kafka = new Kafka(config);
  const clients: { disconnect(): Promise<void> }[] = [];
  const track = async <T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(client: T): Promise<T> => {
    await client.connect();
    clients.push(client);
    return client;
  };
  return {
    kafka,
    client: (overrides) => new Kafka({ ...config, ...overrides }),
    bootstrap: parts.bootstrap,
    source: parts.source,
    cluster: parts.cluster,
    faults: parts.faults,
    admin: () => track(kafka.admin()),
    async createTopic(topic, partitions, replicationFactor) {
      const admin = await track(kafka.admin());
      // kafkajs sends -1 for a replication factor it is not given: the broker's default (KIP-464).
      await admin.createTopics({ topics: [{ topic, numPartitions: partitions, ...(replicationFactor === undefined ? {} : { replicationFactor }) }], waitForLeaders: true });
    },
    producer: (producerConfig = {}) => track(kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, ...producerConfig })),
    consumer: (consumerConfig) => track(kafka.consumer({ maxWaitTimeInMs: 200, ...consumerConfig })),
    async close() {
      await Promise.allSettled(clients.splice(0).map((c) => c.disconnect()));
      await parts.stop?.();
    },
  };
}
