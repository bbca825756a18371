// The capstone's scenario, run against a learner's design: an order pipeline
// that survives a lost acknowledgement and a retriable error, a consumer
// outage with a backlog, a topic that doubles its partitions, and a consumer
// joining (a rebalance). A design mistake never throws here: it shows up in
// the grade. Only a broken scenario (the cluster not doing what it must) throws.
import { Partitioners, type Consumer, type Kafka, type Producer, type ProducerConfig } from "kafkajs";
import { ErrorCode, type FaultControl } from "../../cluster";
import { consumeExactly, uniqueTopic } from "../checks";
import type { Lab } from "../lab";
import { groupLag } from "../lag";
import { sleep, waitUntil } from "../wait";
import { simulatedWorkMs } from "../workloads";
import { gradeRun, type Applied, type Grade } from "./grade";
import { decodeEvent, encodeEvent, orderEvents, type OrderEvent } from "./orders";

export type PipelineDesign = {
  name: string;
  /** Partitions the topic is created with (it doubles during the run). */
  partitions: number;
  /** The record key of an event (null: no key). */
  key: (event: OrderEvent) => string | null;
  /** kafkajs producer settings, e.g. `{ idempotent: true }`. */
  producer?: ProducerConfig;
  /** The producer's `acks` (default -1, all in-sync replicas). */
  acks?: -1 | 0 | 1;
  /** When the topic must grow: first let the consumers catch up with producers paused, or add partitions at once and keep producing. */
  beforeGrowing: "drain-first" | "grow-now";
};

export type Mark = { seconds: number; event: string };
export type StoredEvent = { event: OrderEvent; partition: number; offset: number };
/** What the producer was told for each event: where the broker says it stored it. */
export type Acknowledged = { eventId: string; partition: number; offset: number };
export type PipelineRun = {
  grade: Grade;
  topic: string;
  applied: Applied[];
  stored: StoredEvent[];
  acknowledged: Acknowledged[];
  marks: Mark[];
  redeliveries: number;
  startPartitions: number;
  endPartitions: number;
  /** Whether the injected faults all hit a request (null when none were injected). */
  faultsFired: boolean | null;
  consumersJoined: string[];
};

/** The scenario's size and requirements (the same for every design). */
export const PIPELINE = { customers: 8, ordersPerCustomer: 4, burst: 2, minPartitions: 6, deadlineMs: 45_000 };

const message = (err: unknown) => (err as Error)?.message ?? String(err);

/** Runs the scenario with `design` and grades it. Pass `faults` to inject the producer faults (embedded cluster). */
export async function runOrderPipeline(lab: Lab, design: PipelineDesign, options: { faults?: FaultControl } = {}): Promise<PipelineRun> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const marks: Mark[] = [];
  const mark = (event: string) => marks.push({ seconds: seconds(), event });
  const events = orderEvents({ customers: PIPELINE.customers, ordersPerCustomer: PIPELINE.ordersPerCustomer, burst: PIPELINE.burst });
  // Phases: 15% with the consumers up (and the faults), 65% while they are down, 20% after the topic grew.
  const [a, b] = [Math.round(events.length * 0.15), Math.round(events.length * 0.8)];
  const errors: string[] = [];
  const applied: Applied[] = [];
  const seen = new Set<string>();
  let redeliveries = 0;
  const topic = uniqueTopic(`orders-${design.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`);
  const group = uniqueTopic("fulfilment");
  // A short request timeout, so that a lost acknowledgement is retried within a second.
  const kafka: Kafka = lab.client({ requestTimeout: 1000, retry: { retries: 8, initialRetryTime: 100 } });
  const admin = await lab.admin();
  const members = new Map<string, { consumer: Consumer; partitions: number[] }>();
  const joined: string[] = [];
  const producers: Producer[] = [];
  const acknowledged: Acknowledged[] = [];
  let faultsFired: boolean | null = null;
  let startPartitions = 0;

  async function startMember(name: string): Promise<void> {
    const consumer = kafka.consumer({ groupId: group, maxBytesPerPartition: 256, maxWaitTimeInMs: 100, heartbeatInterval: 200, sessionTimeout: 6000, rebalanceTimeout: 3000, metadataMaxAge: 1000 });
    const member = { consumer, partitions: [] as number[] };
    members.set(name, member);
    consumer.on(consumer.events.GROUP_JOIN, (e) => {
      member.partitions = e.payload.memberAssignment[topic] ?? [];
      joined.push(name);
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 16,
      eachMessage: async ({ partition, message: record }) => {
        const event = decodeEvent(record.value!.toString());
        await sleep(simulatedWorkMs(event.eventId, 0, 1, 8)); // work varies per event, as real work does
        // Idempotent processing (a unique event id, as a database would enforce): at-least-once delivery may repeat an event.
        if (seen.has(event.eventId)) redeliveries++;
        else {
          seen.add(event.eventId);
          applied.push({ event, consumer: name, partition, seconds: seconds() });
        }
      },
    });
  }
  async function stopMembers(): Promise<void> {
    await Promise.all([...members.values()].map((m) => m.consumer.disconnect()));
    members.clear();
  }
  async function caughtUp(what: string): Promise<void> {
    try {
      await waitUntil(async () => (await groupLag(admin, topic, group)).every((p) => p.lag === 0), what, { timeoutMs: PIPELINE.deadlineMs, intervalMs: 100 });
    } catch (err) {
      errors.push(`the consumers did not catch up: ${message(err)}`);
    }
  }
  function newProducer(): Producer {
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, ...design.producer });
    producers.push(producer);
    return producer;
  }
  async function send(producer: Producer, batch: OrderEvent[]): Promise<void> {
    for (const event of batch) {
      try {
        const [meta] = await producer.send({ topic, acks: design.acks ?? -1, messages: [{ key: design.key(event), value: encodeEvent(event) }] });
        if (meta) acknowledged.push({ eventId: event.eventId, partition: meta.partition, offset: Number(meta.baseOffset) });
      } catch (err) {
        errors.push(`sending ${event.eventId} failed: ${message(err)}`);
      }
    }
  }

  try {
    try {
      await lab.createTopic(topic, design.partitions);
    } catch (err) {
      errors.push(`the topic could not be created: ${message(err)}`);
      return finish();
    }
    startPartitions = (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions.length;
    await Promise.all([startMember("consumer-1"), startMember("consumer-2")]);
    await waitUntil(() => new Set([...members.values()].flatMap((m) => m.partitions)).size === startPartitions, "the consumers to own every partition");
    mark("2 consumers start");

    const first = newProducer();
    await first.connect();
    if (options.faults) {
      await options.faults.dropNext({ api: "Produce", topic, skip: 2 });
      await options.faults.failNext({ api: "Produce", topic, errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER, skip: 3 });
      mark("faults: a lost ack, a NOT_LEADER error");
    }
    await send(first, events.slice(0, a));
    await caughtUp("the first events to take effect");
    // Checked once consumed: with acks=0 a send returns before the broker has even read the request.
    if (options.faults) faultsFired = (await options.faults.rules()).every((r) => r.topic !== topic);

    await stopMembers();
    mark("consumers stop (a deploy)");
    await send(first, events.slice(a, b));
    mark(`${b - a} events wait`);
    await first.disconnect();
    const grown = startPartitions * 2;
    if (design.beforeGrowing === "drain-first") {
      await Promise.all([startMember("consumer-1"), startMember("consumer-2")]);
      await caughtUp("the backlog to drain before the topic grows");
      mark("backlog drained");
    }
    await admin.createPartitions({ topicPartitions: [{ topic, count: grown }] });
    mark(`topic grows ${startPartitions} → ${grown}`);

    const second = newProducer(); // a new producer loads the new partition count at once
    await second.connect();
    const half = b + Math.round((events.length - b) / 2);
    await send(second, events.slice(b, half));
    if (design.beforeGrowing !== "drain-first") {
      // Growing now means nobody waits: producers carry on into the grown topic, and the consumers come
      // back to the backlog in the old partitions and the newest events in the new ones, side by side.
      await Promise.all([startMember("consumer-1"), startMember("consumer-2")]);
      mark("consumers restart");
    }
    await startMember("consumer-3");
    // A rebalance, not just a join: the newcomer must be given partitions of its own.
    await waitUntil(() => (members.get("consumer-3")?.partitions.length ?? 0) > 0, "consumer-3 to join the group and be given partitions");
    mark("consumer-3 joins: rebalance");
    await send(second, events.slice(half));
    await caughtUp("every event to take effect");
    mark("caught up");
    return await finish();
  } finally {
    await stopMembers();
    await Promise.allSettled(producers.map((p) => p.disconnect()));
  }

  async function finish(): Promise<PipelineRun> {
    let stored: StoredEvent[] = [];
    let endPartitions = startPartitions;
    if (startPartitions > 0) {
      const offsets = await admin.fetchTopicOffsets(topic);
      endPartitions = offsets.length;
      const total = offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
      stored = (await consumeExactly(lab.kafka, topic, total)).map((r) => ({ event: decodeEvent(r.value), partition: r.partition, offset: r.offset }));
    }
    const grade = gradeRun({ design: design.name, sent: events, stored: stored.map((s) => s.event), applied, startPartitions, minPartitions: PIPELINE.minPartitions, errors });
    return { grade, topic, applied, stored, acknowledged, marks, redeliveries, startPartitions, endPartitions, faultsFired, consumersJoined: [...new Set(joined)] };
  }
}
