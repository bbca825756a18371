import { gzipSync } from "fflate";
import { compress as lz4Compress } from "lz4js";
import { compress as snappyCompress } from "snappyjs";
import { describe, expect, it } from "vitest";
import { ProtocolError } from "../errors";
import { decompress } from "./compression";

const text = Buffer.from("the same key lands on the same partition; ".repeat(200));

/** The Java client's snappy framing: magic, version 1, compatible version 1, then int32-length-prefixed raw blocks. */
function xerial(...blocks: Buffer[]): Buffer {
  const header = Buffer.concat([Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]), Buffer.from([0, 0, 0, 1, 0, 0, 0, 1])]);
  const framed = blocks.map((b) => {
    const raw = Buffer.from(snappyCompress(b));
    const length = Buffer.alloc(4);
    length.writeInt32BE(raw.length);
    return Buffer.concat([length, raw]);
  });
  return Buffer.concat([header, ...framed]);
}

describe("decompress", () => {
  it("reads snappy raw (librdkafka, kafkajs-snappy) and in the Java client's xerial framing", () => {
    expect(decompress(2, Buffer.from(snappyCompress(text)))).toEqual(text);
    expect(decompress(2, xerial(text.subarray(0, 1000), text.subarray(1000)))).toEqual(text);
  });

  it("reads gzip and lz4 frames", () => {
    expect(decompress(1, Buffer.from(gzipSync(text)))).toEqual(text);
    expect(decompress(3, Buffer.from(lz4Compress(text)))).toEqual(text);
  });

  it("stops at the limit instead of inflating a small payload into a huge one", () => {
    const zeros = Buffer.alloc(4 << 20);
    for (const [codec, payload] of [[1, gzipSync(zeros)], [2, snappyCompress(zeros)], [3, lz4Compress(zeros)]] as const) {
      expect(payload.length, `codec ${codec}`).toBeLessThan(400_000);
      expect(() => decompress(codec, Buffer.from(payload), 1 << 20), `codec ${codec}`).toThrow(/more than 1048576 bytes/);
    }
  });

  it("turns any damaged payload of any codec into a ProtocolError", () => {
    const payloads = [Buffer.alloc(0), Buffer.from("not compressed at all"), Buffer.from(gzipSync(text)).subarray(0, 50), xerial(text).subarray(0, 30), Buffer.from(lz4Compress(text)).subarray(0, 40)];
    for (const codec of [1, 2, 3, 4]) {
      for (const p of payloads) expect(() => decompress(codec, p), `codec ${codec}`).toThrow(ProtocolError);
    }
    expect(() => decompress(6, text)).toThrow(/unknown compression codec 6/);
  });
});
