import { describe, expect, it } from "vitest";
import { assignReplicas, invalidTopicName } from "./topic-rules";

describe("topic rules", () => {
  it("accepts Kafka's legal names and explains illegal ones", () => {
    expect(invalidTopicName("test-topic")).toBeUndefined();
    expect(invalidTopicName("a.b_c-1")).toBeUndefined();
    expect(invalidTopicName("x".repeat(249))).toBeUndefined();
    expect(invalidTopicName("x".repeat(250))).toMatch(/longer than 249/);
    expect(invalidTopicName("")).toMatch(/empty/);
    expect(invalidTopicName("..")).toMatch(/cannot be/);
    expect(invalidTopicName("user topic")).toMatch(/illegal/);
    expect(invalidTopicName("ключ")).toMatch(/illegal/);
  });

  it("spreads leaders round-robin with the following brokers as replicas", () => {
    expect(assignReplicas([1, 2, 3], 0, 4, 2)).toEqual([[1, 2], [2, 3], [3, 1], [1, 2]]);
    expect(assignReplicas([3, 1, 2], 6, 2, 1)).toEqual([[1], [2]]);
  });
});
