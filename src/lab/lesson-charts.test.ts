// The charts of the hot-partition, consumer-ordering and capstone lessons:
// valid Vega-Lite that renders to SVG, panels in the data's order, and the
// labels that carry each chart's point present in the static SVG.
import { describe, expect, it } from "vitest";
import { chartBundle, retryTimeline } from "./charts";
import { pipelineTimeline } from "./capstone/chart";
import { appliedOrder, processingTimeline } from "./consumer-charts";
import { partitionSpread, partitionsOverTime, sequenceAsReceived } from "./hot-charts";

async function svgOf(chart: Parameters<typeof chartBundle>[0]): Promise<string> {
  const svg = String((await chartBundle(chart))["image/svg+xml"]);
  expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
  return svg;
}

describe("lesson charts", () => {
  it("lag over time names the hot partition in the legend", async () => {
    const svg = await svgOf(partitionsOverTime([{ partition: "2 (hot)", seconds: 0, messages: 5, lag: 5 }, { partition: "0", seconds: 0, messages: 1, lag: 0 }]));
    expect(svg).toContain("2 (hot)");
    expect(svg).toContain("consumer lag");
  });

  it("partition spread keeps layouts in data order and colours by what a partition holds", async () => {
    // Data order differs from alphabetical order ("12 …" < "3 …"), so a sorted facet would show here.
    const rows = [
      { layout: "3 partitions", partition: 0, messages: 10, holds: "other keys only", kind: "cold" as const },
      { layout: "12 partitions", partition: 0, messages: 800, holds: "hot key", kind: "hot" as const },
    ];
    const chart = partitionSpread(rows);
    expect((chart.facet as { row: { sort: string[] } }).row.sort).toEqual(["3 partitions", "12 partitions"]);
    const color = ((chart.spec as Record<string, any>).encoding.color.scale) as { domain: string[]; range: string[] };
    expect(color.domain).toEqual(["hot key", "other keys only"]);
    expect(color.range[0]).not.toBe(color.range[1]);
    const svg = await svgOf(chart);
    expect(svg.indexOf(">3 partitions")).toBeLessThan(svg.indexOf(">12 partitions"));
  });

  it("sequence as received, processing timeline and applied order render", async () => {
    await svgOf(sequenceAsReceived([{ series: "as received", position: 1, seq: 2 }, { series: "as received", position: 2, seq: 1 }]));
    const timeline = await svgOf(processingTimeline([{ mode: "one by one", partition: 0, key: "a", start: 0, end: 5 }, { mode: "three workers", partition: 1, key: "b", start: 1, end: 4 }]));
    expect(timeline).toContain("three workers");
    const order = await svgOf(appliedOrder([{ strategy: "retry topic", key: "bob", position: 1, seq: 2 }, { strategy: "retry topic", key: "bob", position: 2, seq: 1 }]));
    expect(order).toContain("retry topic");
  });

  it("the pipeline timeline numbers the scenario's marks and names them in its legend", async () => {
    const svg = await svgOf(pipelineTimeline({
      applied: [{ consumer: "consumer-1", seconds: 0.5, partition: 0, event: {} as never }],
      marks: [{ seconds: 0.1, event: "consumers start" }, { seconds: 0.11, event: "topic grows 6 → 12" }],
    }));
    expect(svg).toContain("1. consumers start");
    expect(svg).toContain("2. topic grows 6 → 12");
  });

  it("the retry timeline keeps the sends in data order and names each answer in its legend", async () => {
    // "quitter" sorts after "patient": a sorted axis would put it second.
    const chart = retryTimeline([
      { send: "quitter", ms: 0, answer: "NOT_ENOUGH_REPLICAS" },
      { send: "patient", ms: 120, answer: "NOT_ENOUGH_REPLICAS" },
      { send: "patient", ms: 340, answer: "NONE" },
    ]);
    const svg = await svgOf(chart);
    expect(svg).toContain("NOT_ENOUGH_REPLICAS");
    expect(svg).toContain(">NONE<");
    expect(svg.indexOf(">quitter<")).toBeLessThan(svg.indexOf(">patient<"));
  });
});
