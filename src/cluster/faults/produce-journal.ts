// What the brokers saw of each Produce, per partition: the producer id, epoch
// and base sequence of every batch, and what the broker answered. It makes an
// idempotent producer's retries visible — a retried batch answered as a
// duplicate, a sequence number reused for another message (kafkajs issue
// #1005) — which a client's own logs cannot show. Pure bookkeeping: the
// connection loop reports each Produce here after deciding its answer.
import { decodeRecords, errorName, splitBatches, type ProduceRequest, type ProduceResponse } from "../protocol";
import type { FaultDecision } from "./injector";

/** One partition's part of one Produce request, as the broker handled it. */
export type ProducedBatch = {
  /** Order in which the cluster handled it (cluster-wide, from 1). */
  n: number;
  /** When the broker handled it (ms since the epoch). */
  at: number;
  broker: number;
  /** -1 when the producer is not idempotent. */
  producerId: number;
  producerEpoch: number;
  /** The first record's sequence number (-1 without idempotence). */
  baseSequence: number;
  records: number;
  /** The first values of the batch (UTF-8, shortened), to tell messages apart. */
  values: string[];
  /** What the broker answered for this partition: its Kafka error name ("NONE" when accepted). */
  error: string;
  /** The base offset answered; -1 when refused or not answered. */
  baseOffset: number;
  /** appended: stored now; duplicate: already stored, answered with its original offset; refused: not stored. */
  outcome: "appended" | "duplicate" | "refused" | "unknown";
  /** False when the answer never reached the client (dropped by fault injection, or acks=0). */
  answered: boolean;
  /** The injected fault that touched this request, if any. */
  fault?: FaultDecision["kind"];
};

export type ProduceObservation = {
  brokerId: number;
  body: ProduceRequest;
  /** The response the handler built (also when fault injection then drops it); undefined for acks=0. */
  response: ProduceResponse | undefined;
  decision: FaultDecision | undefined;
};

const MAX_PER_PARTITION = 1000;
const MAX_VALUES = 5;
const MAX_VALUE_CHARS = 32;

export class ProduceJournal {
  private partitions = new Map<string, { batches: ProducedBatch[]; appendedEnd: number }>();
  private count = 0;

  /** Records one Produce request's batches with the broker's answer. */
  observe({ brokerId, body, response, decision }: ProduceObservation): void {
    for (const topic of body.topicData) {
      const answers = response?.responses.find((r) => r.name === topic.name)?.partitionResponses;
      for (const data of topic.partitionData) {
        const answer = answers?.find((a) => a.index === data.index);
        this.add(topic.name, data.index, brokerId, data.records, answer, decision);
      }
    }
  }

  /** The batches of one partition, oldest first (the last 1000 are kept). */
  batches(topic: string, partition: number): ProducedBatch[] {
    return (this.partitions.get(key(topic, partition))?.batches ?? []).map((b) => ({ ...b, values: [...b.values] }));
  }

  private add(topic: string, partition: number, broker: number, records: Buffer | null, answer: { errorCode: number; baseOffset: bigint } | undefined, decision: FaultDecision | undefined): void {
    const entry = this.partitions.get(key(topic, partition)) ?? { batches: [], appendedEnd: 0 };
    this.partitions.set(key(topic, partition), entry);
    const header = describeBatches(records);
    const baseOffset = answer && answer.errorCode === 0 ? Number(answer.baseOffset) : -1;
    let outcome: ProducedBatch["outcome"] = answer === undefined ? "unknown" : answer.errorCode !== 0 ? "refused" : "appended";
    // Offsets only grow: an accepted batch that ends at or below what was
    // already appended is a retry the broker recognised and did not store again.
    if (outcome === "appended" && baseOffset + header.records <= entry.appendedEnd) outcome = "duplicate";
    if (outcome === "appended") entry.appendedEnd = baseOffset + header.records;
    entry.batches.push({
      n: ++this.count,
      at: Date.now(),
      broker,
      ...header,
      error: answer === undefined ? "(none)" : errorName(answer.errorCode),
      baseOffset,
      outcome,
      answered: answer !== undefined && decision?.kind !== "drop-response",
      ...(decision ? { fault: decision.kind } : {}),
    });
    if (entry.batches.length > MAX_PER_PARTITION) entry.batches.shift();
  }
}

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

function describeBatches(records: Buffer | null): Pick<ProducedBatch, "producerId" | "producerEpoch" | "baseSequence" | "records" | "values"> {
  const none = { producerId: -1, producerEpoch: -1, baseSequence: -1, records: 0, values: [] };
  if (!records || records.length === 0) return none;
  try {
    const batches = splitBatches(records);
    const first = batches[0].header;
    const values: string[] = [];
    for (const b of batches) {
      for (const r of safeDecode(b.bytes)) if (values.length < MAX_VALUES) values.push(preview(r.value));
    }
    return {
      producerId: Number(first.producerId),
      producerEpoch: first.producerEpoch,
      baseSequence: first.baseSequence,
      records: batches.reduce((n, b) => n + b.header.lastOffsetDelta + 1, 0),
      values,
    };
  } catch {
    return none; // malformed: the handler refuses it; the journal only says it saw something
  }
}

function safeDecode(bytes: Buffer) {
  try {
    return decodeRecords(bytes);
  } catch {
    return []; // e.g. a codec the cluster cannot decode: sequence numbers still show
  }
}

function preview(value: Buffer | null): string {
  if (value === null) return "(null)";
  const text = value.toString("utf8");
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}
