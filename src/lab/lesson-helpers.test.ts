// The pure helpers lessons use to show refusals, compare predictions, judge
// what retries did to a sequence, and keep sends in order per lane.
import { afterEach, describe, expect, it, vi } from "vitest";
import { deliveryOf } from "./checks";
import { inOrderPer } from "./in-order";
import { judgePrediction } from "./predictions";
import { describeRefusal, errorChain, expectRefusal } from "./refusals";
import { registryAvroKey } from "./serialized-keys";

const kafkaError = (type: string, code: number, message = "refused") => Object.assign(new Error(message), { name: "KafkaJSProtocolError", type, code });

describe("expectRefusal", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prints one line with class, Kafka error name and code when the refusal is the expected one", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await expectRefusal(async () => Promise.reject(kafkaError("INVALID_PARTITIONS", 37, "Number of partitions is invalid\n    at x (/node_modules/y.js:1:1)")), { type: "INVALID_PARTITIONS", code: 37 });
    expect(log).toHaveBeenCalledWith("✓ refused as expected: KafkaJSProtocolError INVALID_PARTITIONS (code 37): Number of partitions is invalid");
  });

  it("finds the expected error inside kafkajs's aggregate and retry wrappers", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    const aggregate = Object.assign(new Error("Topic creation errors"), { name: "KafkaJSAggregateError", errors: [Object.assign(kafkaError("INVALID_TOPIC_EXCEPTION", 17), { name: "KafkaJSCreateTopicError" })] });
    await expectRefusal(async () => Promise.reject(aggregate), { name: "KafkaJSCreateTopicError", type: "INVALID_TOPIC_EXCEPTION" });
    const retried = Object.assign(new Error("gave up"), { name: "KafkaJSNumberOfRetriesExceeded", originalError: kafkaError("PRODUCER_FENCED", 90) });
    expect(errorChain(retried).map((e) => e.name)).toEqual(["KafkaJSNumberOfRetriesExceeded", "KafkaJSProtocolError"]);
    await expectRefusal(async () => Promise.reject(retried), { code: 90 });
  });

  it("fails the lesson when nothing is refused, or something else is", async () => {
    await expect(expectRefusal(async () => "fine", { type: "INVALID_PARTITIONS" })).rejects.toThrow("✗ expected a refusal (INVALID_PARTITIONS), but the operation succeeded");
    await expect(expectRefusal(async () => Promise.reject(kafkaError("UNKNOWN_TOPIC_OR_PARTITION", 3)), { type: "INVALID_PARTITIONS" })).rejects.toThrow(
      "but got: KafkaJSProtocolError UNKNOWN_TOPIC_OR_PARTITION (code 3): refused",
    );
    await expect(expectRefusal(async () => Promise.reject(new TypeError("bug")), { name: "KafkaJSProtocolError" })).rejects.toThrow("but got: TypeError: bug");
  });

  it("describes errors without Kafka fields plainly", () => {
    expect(describeRefusal({ name: "Error", message: "boom\nsecond line" })).toBe("Error: boom");
  });
});

describe("judgePrediction", () => {
  it("compares ignoring case and spacing, joins arrays, and does not judge an empty guess", () => {
    expect(judgePrediction(2, 2)).toEqual({ prediction: "2", actual: "2", right: true });
    expect(judgePrediction(" In  Order", "in order").right).toBe(true);
    expect(judgePrediction(["m1", "m2"], "m1 m2").right).toBe(true);
    expect(judgePrediction(1, 2).right).toBe(false);
    expect(judgePrediction(undefined, 2)).toEqual({ prediction: null, actual: "2", right: null });
    expect(judgePrediction("  ", [])).toEqual({ prediction: null, actual: "", right: null });
  });
});

describe("deliveryOf", () => {
  const sent = ["m1", "m2", "m3", "m4", "m5"];
  it("names what retries did", () => {
    expect(deliveryOf(sent, ["m1", "m2", "m3", "m4", "m5"]).verdict).toBe("in order");
    expect(deliveryOf(sent, ["m2", "m3", "m5", "m4", "m1"]).verdict).toBe("reordered");
    expect(deliveryOf(sent, ["m1", "m1", "m2", "m3", "m4", "m5"])).toEqual({ verdict: "duplicated", lost: [], duplicated: ["m1"] });
    expect(deliveryOf(sent, ["m1", "m3", "m4", "m5"])).toEqual({ verdict: "lost", lost: ["m2"], duplicated: [] });
    expect(deliveryOf(sent, ["m1", "m3", "m4", "m5", "m1"])).toEqual({ verdict: "lost and duplicated", lost: ["m2"], duplicated: ["m1"] });
  });
});

describe("inOrderPer", () => {
  it("runs a lane's tasks one at a time in order, lanes side by side, past a failed task", async () => {
    const run = inOrderPer<string>();
    const events: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      events.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([run("a", task("a1", 30, true)), run("a", task("a2", 1)), run("b", task("b1", 5))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect(events.indexOf("end a1")).toBeLessThan(events.indexOf("start a2"));
    expect(events.indexOf("start b1")).toBeLessThan(events.indexOf("end a1"));
  });
});

describe("registryAvroKey", () => {
  it("writes magic byte 0, the schema id and Avro's zigzag-length string", () => {
    expect([...registryAvroKey("user123", 1)]).toEqual([0, 0, 0, 0, 1, 14, ...Buffer.from("user123")]);
    expect([...registryAvroKey("é", 258).subarray(0, 7)]).toEqual([0, 0, 0, 1, 2, 4, 0xc3]);
    const long = registryAvroKey("x".repeat(100), 7);
    expect([...long.subarray(5, 7)]).toEqual([200 % 128 | 0x80, 1]); // zigzag(100) = 200 = 0xc8 0x01
    expect(long.length).toBe(5 + 2 + 100);
    expect(() => registryAvroKey("k", -1)).toThrow(RangeError);
  });
});
