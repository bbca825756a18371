// The capstone's order pipeline as data: customers place overlapping orders,
// each order goes placed → paid → shipped. Every event carries its
// customer's sequence number (what per-customer order is checked against)
// and its step within the order.

export type OrderEventType = "placed" | "paid" | "shipped";
export type OrderEvent = { eventId: string; customerId: string; orderId: string; type: OrderEventType; customerSeq: number; step: number };

const STEPS: OrderEventType[] = ["placed", "paid", "shipped"];

/**
 * `customers` customers with `ordersPerCustomer` orders each. A customer's
 * orders overlap (order i's step s comes at slot i + s). Customers take turns,
 * each turn a burst of `burst` consecutive events (default 3), as people act:
 * place an order and pay at once.
 */
export function orderEvents(options: { customers: number; ordersPerCustomer: number; burst?: number }): OrderEvent[] {
  const burst = options.burst ?? 3;
  let orderNumber = 1000;
  const perCustomer = Array.from({ length: options.customers }, (_, c) => {
    const customerId = `customer-${c + 1}`;
    const orders = Array.from({ length: options.ordersPerCustomer }, () => `order-${++orderNumber}`);
    const slots = orders.flatMap((orderId, i) => STEPS.map((type, s) => ({ orderId, type, step: s + 1, slot: i + s, i })));
    slots.sort((a, b) => a.slot - b.slot || a.i - b.i);
    return slots.map((e, n) => ({ eventId: `${e.orderId}:${e.type}`, customerId, orderId: e.orderId, type: e.type, customerSeq: n + 1, step: e.step }));
  });
  const turns = Math.ceil(Math.max(0, ...perCustomer.map((events) => events.length)) / burst);
  return Array.from({ length: turns }, (_, t) => perCustomer.flatMap((events) => events.slice(t * burst, (t + 1) * burst))).flat();
}

/** The record value of an event. */
export function encodeEvent(event: OrderEvent): string {
  return JSON.stringify(event);
}

/** Reads a record value back; throws a readable error for anything else. */
export function decodeEvent(value: string): OrderEvent {
  const e = JSON.parse(value) as OrderEvent;
  if (typeof e?.eventId !== "string" || typeof e.customerSeq !== "number") throw new Error(`not an order event: ${value.slice(0, 80)}`);
  return e;
}
