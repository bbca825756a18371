import { describe, expect, it } from "vitest";
import { javaMurmur2, murmur2Partition } from "./java-murmur2";

describe("the test reference murmur2", () => {
  // Kafka's UtilsTest.testMurmur2 (clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java).
  it("matches Java's Utils.murmur2 vectors", () => {
    const vectors: [string, number][] = [
      ["21", -973932308], ["foobar", -790332482], ["a-little-bit-long-string", -985981536],
      ["a-little-bit-longer-string", -1486304829], ["lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971], ["abc", 479470107],
    ];
    for (const [s, h] of vectors) expect(javaMurmur2(Buffer.from(s))).toBe(h);
    expect(murmur2Partition("user1", 3)).toBe(0);
    expect(murmur2Partition("user2", 3)).toBe(2);
  });
});
