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
  /**
   * Fault injection where the cluster is partition-lab's; `undefined` (and a
   * printed notice) only on a cluster that is not, such as real Kafka. A
   * partition-lab cluster whose control endpoint cannot be found is an error.
   */
  faultsUnlessRealKafka(): Promise<FaultControl | undefined>;
  /** Whether the cluster answering is partition-lab's own (it reports {@link PARTITION_LAB_CLUSTER_ID}). */
  isPartitionLab(): Promise<boolean>;
  /**
   * A second lab over a 3-broker cluster of its own, started on first use and
   * the same one after; {@link Lab.close} closes it. For a lesson that stops
   * brokers, which would disturb every other client of a shared cluster.
   */
  ownCluster(): Promise<Lab>;
  admin(): Promise<Admin>;
  /**
   * Creates a topic and waits for its leaders; {@link Lab.close} deletes it. Without a replication
   * factor the cluster picks its default.replication.factor (1 on the embedded cluster, 3 on cloud
   * services that require it).
   */
  createTopic(topic: string, partitions: number, replicationFactor?: number): Promise<void>;
  /** Has {@link Lab.close} delete a topic made some other way (e.g. with the admin client directly). */
  deleteOnClose(...topics: string[]): void;
  producer(config?: ProducerConfig): Promise<Producer>;
  consumer(config: ConsumerConfig): Promise<Consumer>;
  /**
   * Deletes the topics made through this lab, disconnects every client made
   * here and stops a cluster started for this lab. Calling it again does nothing.
   */
  close(): Promise<void>;
};

/** The cluster id partition-lab's brokers report in Metadata (real Kafka's is a random base64 UUID). */
export const PARTITION_LAB_CLUSTER_ID = "partition-lab";

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
  /** Starts a lab over a new embedded (or in-page) cluster, for {@link Lab.ownCluster}. */
  startOwn?(): Promise<Lab>;
  /** Where the lab tells the learner something (default: the console). */
  say?(line: string): void;
};

/** Builds a {@link Lab} over a cluster that was found or started. */
export function createLab(parts: LabParts): Lab {
  const { config } = parts;
  const say = parts.say ?? ((line: string) => console.log(line));
  const kafka = new Kafka(config);
  const clients: { disconnect(): Promise<void> }[] = [];
  const track = async <T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(client: T): Promise<T> => {
    await client.connect();
    clients.push(client);
    return client;
  };
  let ownAdmin: Promise<Admin> | undefined;
  const admin = () => (ownAdmin ??= track(kafka.admin()));
  const topics = new Set<string>();
  let closed = false;
  let identity: Promise<boolean> | undefined;
  let own: Promise<Lab> | undefined;
  const isPartitionLab = () => (identity ??= parts.cluster ? Promise.resolve(true) : admin().then(async (a) => (await a.describeCluster()).clusterId === PARTITION_LAB_CLUSTER_ID));
  return {
    kafka,
    client: (overrides) => new Kafka({ ...config, ...overrides }),
    bootstrap: parts.bootstrap,
    source: parts.source,
    cluster: parts.cluster,
    faults: parts.faults,
    isPartitionLab,
    async faultsUnlessRealKafka() {
      if (!(await isPartitionLab())) {
        say(`Fault injection skipped: the cluster at ${parts.bootstrap} is not partition-lab's (real Kafka has no fault switch); the cells below that need it only explain.`);
        return undefined;
      }
      try {
        return await parts.faults();
      } catch (err) {
        throw new Error(`the cluster at ${parts.bootstrap} is partition-lab's, but its fault control is missing: ${(err as Error).message}`);
      }
    },
    ownCluster() {
      if (!parts.startOwn) return Promise.reject(new Error("this lab cannot start a cluster of its own"));
      return (own ??= parts.startOwn());
    },
    admin: () => track(kafka.admin()),
    async createTopic(topic, partitions, replicationFactor) {
      // kafkajs sends -1 for a replication factor it is not given: the broker's default (KIP-464).
      await (await admin()).createTopics({ topics: [{ topic, numPartitions: partitions, ...(replicationFactor === undefined ? {} : { replicationFactor }) }], waitForLeaders: true });
      topics.add(topic);
    },
    deleteOnClose: (...names) => names.forEach((t) => topics.add(t)),
    producer: (producerConfig = {}) => track(kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, ...producerConfig })),
    consumer: (consumerConfig) => track(kafka.consumer({ maxWaitTimeInMs: 200, ...consumerConfig })),
    async close() {
      if (closed) return;
      closed = true;
      if (topics.size > 0) {
        const a = await admin();
        const existing = new Set(await a.listTopics());
        const mine = [...topics].filter((t) => existing.has(t));
        if (mine.length > 0) await a.deleteTopics({ topics: mine });
      }
      await Promise.allSettled(clients.splice(0).map((c) => c.disconnect()));
      if (own) await (await own).close();
      await parts.stop?.();
    },
  };
}
