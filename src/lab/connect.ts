// Finds a cluster for a notebook, in this order: KAFKA_BROKERS (any Kafka),
// a `partition-lab cluster` already running on the default port, or an
// embedded cluster started in this process — and says which one it uses.
// PARTITION_LAB_CLUSTER=embedded skips the default port (`partition-lab lab
// --per-notebook-clusters`), so each notebook starts its own cluster.
import * as net from "node:net";
import { Kafka, logLevel, Partitioners, type Admin, type KafkaConfig, type Consumer, type ConsumerConfig, type Producer, type ProducerConfig } from "kafkajs";
import { startCluster, type Cluster } from "../cluster";
import { connectFaultControl, type FaultControl } from "../cluster/faults";

export type ClusterSource = "KAFKA_BROKERS" | "local" | "embedded";

export const DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
/** `partition-lab cluster` with its default 3 brokers puts its control endpoint on port 9092 + 3. */
export const DEFAULT_CONTROL_URL = "http://127.0.0.1:9095";

export type Lab = {
  kafka: Kafka;
  /** A separate kafkajs client with other settings (e.g. a short requestTimeout to make retries visible). */
  client(overrides: Partial<KafkaConfig>): Kafka;
  bootstrap: string;
  source: ClusterSource;
  /** The in-process cluster, when `source` is "embedded". */
  cluster?: Cluster;
  /** Fault injection; throws a clear error on a real Kafka cluster, which has none. */
  faults(): Promise<FaultControl>;
  admin(): Promise<Admin>;
  /** Creates a topic and waits for its leaders. */
  createTopic(topic: string, partitions: number, replicationFactor?: number): Promise<void>;
  producer(config?: ProducerConfig): Promise<Producer>;
  consumer(config: ConsumerConfig): Promise<Consumer>;
  /** Disconnects every client made here and stops an embedded cluster. */
  close(): Promise<void>;
};

/** Whether something accepts TCP connections at "host:port". */
export function reachable(hostPort: string, timeoutMs = 300): Promise<boolean> {
  const [host, port] = hostPort.split(":");
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), host);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** Connects to a cluster (see the file comment) and prints which one. */
export async function connect(options: { quiet?: boolean } = {}): Promise<Lab> {
  const say = (line: string) => options.quiet || console.log(line);
  let source: ClusterSource;
  let bootstrap: string;
  let cluster: Cluster | undefined;
  const fromEnv = process.env.KAFKA_BROKERS?.trim();
  if (fromEnv) {
    source = "KAFKA_BROKERS";
    bootstrap = fromEnv;
    say(`Using the Kafka cluster in KAFKA_BROKERS: ${bootstrap}`);
  } else if (process.env.PARTITION_LAB_CLUSTER !== "embedded" && (await reachable(DEFAULT_BOOTSTRAP))) {
    source = "local";
    bootstrap = DEFAULT_BOOTSTRAP;
    say(`Using the cluster listening on ${bootstrap} (started with \`npx partition-lab cluster\`?)`);
  } else {
    source = "embedded";
    cluster = await startCluster({ brokers: 3 });
    bootstrap = cluster.bootstrap;
    const why = process.env.PARTITION_LAB_CLUSTER === "embedded" ? "PARTITION_LAB_CLUSTER=embedded" : `No cluster found (KAFKA_BROKERS unset, nothing on ${DEFAULT_BOOTSTRAP})`;
    say(`${why}: started an embedded 3-broker cluster in this kernel at ${bootstrap}`);
  }
  const config: KafkaConfig = { clientId: "partition-lab", brokers: bootstrap.split(","), logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 100 } };
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
    bootstrap,
    source,
    cluster,
    async faults() {
      if (cluster) return cluster.faults;
      const url = process.env.PARTITION_LAB_CONTROL ?? (source === "local" ? DEFAULT_CONTROL_URL : undefined);
      if (url) {
        const control = connectFaultControl(url);
        // Whatever listens on 9092 may be real Kafka (docker compose): ask before promising faults.
        const alive = await control.info().then(() => true, () => false);
        if (alive) return control;
      }
      throw new Error("fault injection needs partition-lab's embedded cluster; a real Kafka cluster has no such switch (set PARTITION_LAB_CONTROL if yours is a `partition-lab cluster` elsewhere)");
    },
    admin: () => track(kafka.admin()),
    async createTopic(topic, partitions, replicationFactor = 1) {
      const admin = await track(kafka.admin());
      await admin.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor }], waitForLeaders: true });
    },
    producer: (config = {}) => track(kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, ...config })),
    consumer: (config) => track(kafka.consumer({ maxWaitTimeInMs: 200, ...config })),
    async close() {
      await Promise.allSettled(clients.splice(0).map((c) => c.disconnect()));
      await cluster?.stop();
    },
  };
}
