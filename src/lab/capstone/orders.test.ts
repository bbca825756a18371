import { describe, expect, it } from "vitest";
import { decodeEvent, encodeEvent, orderEvents } from "./orders";

describe("order events", () => {
  const events = orderEvents({ customers: 3, ordersPerCustomer: 4, burst: 2 });

  it("give every order placed → paid → shipped and number each customer's events from 1", () => {
    expect(events).toHaveLength(3 * 4 * 3);
    for (const customer of ["customer-1", "customer-2", "customer-3"]) {
      const mine = events.filter((e) => e.customerId === customer);
      expect(mine.map((e) => e.customerSeq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      for (const order of new Set(mine.map((e) => e.orderId))) expect(mine.filter((e) => e.orderId === order).map((e) => e.type)).toEqual(["placed", "paid", "shipped"]);
    }
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  });

  it("overlap a customer's orders and let customers take turns in bursts", () => {
    const first = events.filter((e) => e.customerId === "customer-1").slice(0, 4).map((e) => e.eventId);
    expect(first).toEqual(["order-1001:placed", "order-1001:paid", "order-1002:placed", "order-1001:shipped"]);
    expect(events.slice(0, 6).map((e) => e.customerId)).toEqual(["customer-1", "customer-1", "customer-2", "customer-2", "customer-3", "customer-3"]);
  });

  it("round-trip as record values, and refuse anything else", () => {
    expect(decodeEvent(encodeEvent(events[5]))).toEqual(events[5]);
    expect(() => decodeEvent('{"hello":1}')).toThrow(/not an order event/);
  });
});
