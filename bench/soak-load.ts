import { Consumer, Kafka, logLevel, Producer } from "kafkajs";
import type { FaultControl } from "partition-lab";

export type SoakOptions = {
  bootstrap: string;
  durationMs: number;
  producers?: number;
  consumers?: number;
  partitions?: number;
  keysPerProducer?: number;
  /** A rebalance is forced this often: alternately through the control API and by restarting a consumer. */
  rebalanceEveryMs?: number;
  idempotent?: boolean;
  /** Lets the soak start rebalances through the coordinator; without it only consumer restarts do. */
  control?: FaultControl;
  log?: (line: string) => void;
};

export type SoakReport = {
  seconds: number;
  produced: number;
  /** Distinct messages consumed. */
  consumed: number;
  /** Messages produced but never consumed. */
  lost: number;
  /** The same offset delivered again (at-least-once after a rebalance: expected, reported). */
  redelivered: number;
  /** The same message stored at two offsets (a producer retry without idempotence). */
  logDuplicates: number;
  /** A key's message consumed before an earlier message of the same key. */
  orderViolations: number;
  rebalances: number;
  producedPerSecond: number;
};

/**
 * The soak: producers write numbered messages per key for `durationMs` while
 * a consumer group reads them and rebalances are forced every few seconds;
 * then it drains and checks that every message arrived, each key in order,
 * none stored twice.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const o = { producers: 3, consumers: 3, partitions: 6, keysPerProducer: 8, rebalanceEveryMs: 3_000, idempotent: true, log: () => {}, ...options };
  const started = Date.now();
  const kafka = new Kafka({ clientId: "soak", brokers: o.bootstrap.split(","), logLevel: logLevel.NOTHING, retry: { initialRetryTime: 100, retries: 20 } });
  const topic = `soak-${Date.now().toString(36)}`;
  const groupId = `${topic}-group`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: o.partitions }], waitForLeaders: true });
  await admin.disconnect();

  const sent = new Map<string, number>(); // key → last acknowledged sequence
  const stored = new Map<string, string>(); // "key#seq" → "partition@offset" first seen
  const delivered = new Set<string>(); // "partition@offset"
  const lastSeq = new Map<string, number>();
  const report = { redelivered: 0, logDuplicates: 0, orderViolations: 0, rebalances: 0 };

  const onMessage = (partition: number, offset: string, key: string, seq: number) => {
    const at = `${partition}@${offset}`;
    if (delivered.has(at)) return void report.redelivered++;
    delivered.add(at);
    const id = `${key}#${seq}`;
    if (stored.has(id)) return void report.logDuplicates++;
    stored.set(id, at);
    const last = lastSeq.get(key) ?? -1;
    if (seq > last + 1) report.orderViolations++;
    if (seq > last) lastSeq.set(key, seq);
  };

  const consumers: Consumer[] = [];
  const startConsumer = async () => {
    const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 300, rebalanceTimeout: 10_000, maxWaitTimeInMs: 500 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const [key, seq] = message.value!.toString().split("|");
        onMessage(partition, message.offset, key, Number(seq));
      },
    });
    consumers.push(consumer);
  };
  for (let i = 0; i < o.consumers; i++) await startConsumer();

  let producing = true;
  const producers: Producer[] = [];
  const produceLoop = async (index: number) => {
    const producer = kafka.producer({ idempotent: o.idempotent, maxInFlightRequests: o.idempotent ? 1 : 5 });
    producers.push(producer);
    await producer.connect();
    const keys = Array.from({ length: o.keysPerProducer }, (_, k) => `p${index}-k${k}`);
    while (producing) {
      const messages = keys.map((key) => {
        const seq = (sent.get(key) ?? -1) + 1;
        return { key, value: `${key}|${seq}`, seq };
      });
      await producer.send({ topic, acks: -1, messages: messages.map(({ key, value }) => ({ key, value })) });
      for (const m of messages) sent.set(m.key, m.seq);
    }
    await producer.disconnect();
  };
  const producing$ = Array.from({ length: o.producers }, (_, i) => produceLoop(i));

  let tick = 0;
  const rebalancer = setInterval(() => {
    tick++;
    const useControl = o.control && tick % 2 === 1;
    const action = useControl
      ? o.control!.rebalanceGroup(groupId).then((ok) => ok && report.rebalances++)
      : (async () => {
          const victim = consumers.shift();
          await victim?.disconnect();
          await startConsumer();
          report.rebalances++;
        })();
    action.catch((err) => o.log(`rebalance ${tick} failed: ${err}`));
  }, o.rebalanceEveryMs);

  await new Promise((r) => setTimeout(r, o.durationMs));
  clearInterval(rebalancer);
  producing = false;
  await Promise.all(producing$);
  const produced = [...sent.values()].reduce((sum, last) => sum + last + 1, 0);
  o.log(`produced ${produced}; draining`);
  const drainDeadline = Date.now() + 30_000;
  while (stored.size < produced && Date.now() < drainDeadline) await new Promise((r) => setTimeout(r, 100));
  await Promise.all(consumers.map((c) => c.disconnect()));

  const seconds = (Date.now() - started) / 1000;
  return { seconds, produced, consumed: stored.size, lost: produced - stored.size, ...report, producedPerSecond: Math.round(produced / (o.durationMs / 1000)) };
}
