// Grading a pipeline run: what the design promised (per-customer order,
// nothing lost, nothing stored twice, room to scale) against what the
// cluster stored and the consumers applied. Pure: data in, verdicts out.
import type { OrderEvent } from "./orders";

export type Applied = { event: OrderEvent; consumer: string; partition: number; seconds: number };
export type Verdict = { requirement: string; ok: boolean; detail: string };
export type Grade = { design: string; passed: boolean; verdicts: Verdict[] };

/** Each group's sequence of `seqOf` in the order events took effect, with the groups whose sequence is not increasing. */
function orderBreaks(applied: Applied[], groupOf: (e: OrderEvent) => string, seqOf: (e: OrderEvent) => number): { broken: string[]; example: string } {
  const seqs = new Map<string, number[]>();
  for (const a of applied) seqs.set(groupOf(a.event), [...(seqs.get(groupOf(a.event)) ?? []), seqOf(a.event)]);
  const broken = [...seqs].filter(([, s]) => s.some((x, i) => i > 0 && x < s[i - 1])).map(([g]) => g);
  const example = broken.length > 0 ? `${broken[0]} took effect as ${seqs.get(broken[0])!.join(" ")}` : "";
  return { broken, example };
}

function orderVerdict(requirement: string, result: { broken: string[]; example: string }, total: number, noun: string, appliedCount: number): Verdict {
  if (appliedCount === 0) return { requirement, ok: false, detail: "no event took effect" };
  const ok = result.broken.length === 0;
  return { requirement, ok, detail: ok ? `all ${total} ${noun} in order` : `${result.broken.length} of ${total} ${noun} out of order; ${result.example}` };
}

/**
 * Grades one run. `applied` holds the first time each event took effect, in
 * that order; `stored` every event record the topic holds; `startPartitions`
 * the partition count the topic was created with; `minPartitions` the
 * parallelism required from day one.
 */
export function gradeRun(input: { design: string; sent: OrderEvent[]; stored: OrderEvent[]; applied: Applied[]; startPartitions: number; minPartitions: number; errors: string[] }): Grade {
  const { sent, stored, applied } = input;
  const customers = orderBreaks(applied, (e) => e.customerId, (e) => e.customerSeq);
  const orders = orderBreaks(applied, (e) => e.orderId, (e) => e.step);
  const appliedIds = new Set(applied.map((a) => a.event.eventId));
  const missing = sent.filter((e) => !appliedIds.has(e.eventId));
  const copies = new Map<string, number>();
  for (const e of stored) copies.set(e.eventId, (copies.get(e.eventId) ?? 0) + 1);
  const doubled = [...copies].filter(([, n]) => n > 1).map(([id]) => id);
  const customerCount = new Set(sent.map((e) => e.customerId)).size;
  const orderCount = new Set(sent.map((e) => e.orderId)).size;
  const verdicts: Verdict[] = [
    orderVerdict("every customer's events take effect in the order they happened", customers, customerCount, "customers", applied.length),
    orderVerdict("every order goes placed → paid → shipped", orders, orderCount, "orders", applied.length),
    { requirement: "nothing is lost", ok: missing.length === 0 && input.errors.length === 0, detail: [missing.length ? `${missing.length} of ${sent.length} events never took effect (e.g. ${missing[0].eventId})` : `all ${sent.length} events took effect`, ...input.errors].join("; ") },
    { requirement: "the topic holds each event once", ok: doubled.length === 0, detail: doubled.length ? `${doubled.length} events stored more than once (e.g. ${doubled[0]} ×${copies.get(doubled[0])})` : `${stored.length} records for ${copies.size} events` },
    { requirement: `room for ${input.minPartitions} consumers from day one`, ok: input.startPartitions >= input.minPartitions, detail: `the topic started with ${input.startPartitions} partitions` },
  ];
  return { design: input.design, passed: verdicts.every((v) => v.ok), verdicts };
}

/** The grade as lines of text, ✓ or ✗ per requirement. */
export function gradeText(grade: Grade): string {
  const lines = grade.verdicts.map((v) => `${v.ok ? "✓" : "✗"} ${v.requirement} — ${v.detail}`);
  return [`Design "${grade.design}": ${grade.passed ? "PASSED" : "REJECTED"}`, ...lines].join("\n");
}
