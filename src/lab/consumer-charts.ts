// Charts for ordering on the consumer side: when each message was processed
// (per partition, per way of consuming), and in which order each key's
// messages took effect.
import { rowFacet, vegaLiteSpec, wrappedFacet, type VegaLiteSpec } from "./vega-spec";

/** Bars from start to end of each message's processing, one lane per partition and one panel per mode. */
export function processingTimeline(rows: { mode: string; partition: number; key: string; start: number; end: number }[], title = "When each message was processed"): VegaLiteSpec {
  return vegaLiteSpec(title, rows, {
    width: undefined,
    height: undefined,
    facet: rowFacet("mode", rows),
    spec: {
      width: 380,
      height: 70,
      mark: { type: "bar", tooltip: true, aria: false, opacity: 0.8, stroke: "white", strokeWidth: 0.5 },
      encoding: {
        x: { field: "start", type: "quantitative", title: "ms since the first message" },
        x2: { field: "end" },
        y: { field: "partition", type: "ordinal", title: "partition" },
        color: { field: "key", type: "nominal", title: "key", legend: { orient: "bottom" } },
      },
    },
    resolve: { scale: { x: "independent" } },
  });
}

/**
 * Each key's messages in the order they took effect: the n-th applied
 * against its sequence number, one panel per strategy. A rising staircase
 * is order kept; any drop is order broken.
 */
export function appliedOrder(rows: { strategy: string; key: string; position: number; seq: number }[], title = "Order in which each key's messages took effect"): VegaLiteSpec {
  return vegaLiteSpec(title, rows, {
    width: undefined,
    height: undefined,
    facet: wrappedFacet("strategy", rows),
    columns: 3,
    // Many small panels: without grid lines the static SVG is a fifth lighter and the staircases read as well.
    config: { axis: { grid: false } },
    spec: {
      width: 170,
      height: 130,
      mark: { type: "line", aria: false },
      encoding: {
        x: { field: "position", type: "quantitative", title: "n-th applied" },
        y: { field: "seq", type: "quantitative", title: "sequence number" },
        color: { field: "key", type: "nominal", title: "key", legend: { orient: "bottom" } },
      },
    },
  });
}
