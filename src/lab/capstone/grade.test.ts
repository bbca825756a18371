// Each requirement of the capstone's grade can fail, and says why.
import { describe, expect, it } from "vitest";
import { gradeRun, gradeText, type Applied } from "./grade";
import { orderEvents, type OrderEvent } from "./orders";
import { failedRequirements } from "./report";

const sent = orderEvents({ customers: 2, ordersPerCustomer: 2, burst: 2 });
const applied = (events: OrderEvent[]): Applied[] => events.map((event, i) => ({ event, consumer: "c", partition: 0, seconds: i }));
const base = { design: "d", sent, stored: sent, applied: applied(sent), startPartitions: 6, minPartitions: 6, errors: [] as string[] };

describe("gradeRun", () => {
  it("passes a run that kept every promise", () => {
    const grade = gradeRun(base);
    expect(grade.passed).toBe(true);
    expect(failedRequirements(grade)).toEqual([]);
    expect(gradeText(grade)).toMatch(/^Design "d": PASSED/);
  });

  it("fails per-customer order (and only it) when two events of a customer from different orders swap", () => {
    const i = sent.findIndex((e, n) => n > 0 && e.customerId === sent[n - 1].customerId && e.orderId !== sent[n - 1].orderId);
    const swapped = [...sent];
    [swapped[i - 1], swapped[i]] = [swapped[i], swapped[i - 1]];
    const grade = gradeRun({ ...base, applied: applied(swapped) });
    expect(failedRequirements(grade)).toEqual([1]);
    expect(grade.verdicts[0].detail).toMatch(/1 of 2 customers out of order; customer-\d took effect as/);
  });

  it("fails order steps when an order's events swap", () => {
    const [a, b] = [sent.findIndex((e) => e.eventId === "order-1001:placed"), sent.findIndex((e) => e.eventId === "order-1001:paid")];
    const swapped = [...sent];
    [swapped[a], swapped[b]] = [swapped[b], swapped[a]];
    expect(failedRequirements(gradeRun({ ...base, applied: applied(swapped) }))).toEqual([1, 2]);
  });

  it("fails 'nothing lost' for a missing event or an error, 'once' for a stored copy, and the partition floor", () => {
    expect(failedRequirements(gradeRun({ ...base, applied: applied(sent.slice(1)) }))).toEqual([3]);
    expect(failedRequirements(gradeRun({ ...base, errors: ["sending x failed"] }))).toEqual([3]);
    const doubled = gradeRun({ ...base, stored: [...sent, sent[3]] });
    expect(failedRequirements(doubled)).toEqual([4]);
    expect(doubled.verdicts[3].detail).toContain(`${sent[3].eventId} ×2`);
    expect(failedRequirements(gradeRun({ ...base, startPartitions: 3 }))).toEqual([5]);
  });

  it("does not pass order requirements when nothing took effect", () => {
    expect(failedRequirements(gradeRun({ ...base, applied: [] }))).toEqual([1, 2, 3]);
  });
});
