// Charts for hot partitions: growth and lag per partition over time, how
// messages spread over partitions in several layouts, and one key's arrival
// order. Each marks the hot key's partition so the static SVG says it too.
import { rowFacet, vegaLiteSpec, type VegaLiteSpec } from "./vega-spec";

const partitionColor = { field: "partition", type: "nominal", title: "partition", legend: { orient: "bottom", labelLimit: 300 } };

/**
 * Two stacked line charts over the same time axis: each partition's end
 * offset (messages written) and its consumer lag. `partition` is a label,
 * e.g. "2 (hot key)".
 */
export function partitionsOverTime(points: { partition: string; seconds: number; messages: number; lag: number }[], title = "Messages and consumer lag per partition"): VegaLiteSpec {
  const panel = (field: string, axis: string) => ({
    width: 380,
    height: 150,
    // No point symbols and no per-point ARIA labels: hundreds of samples would make the static SVG heavy.
    mark: { type: "line", aria: false },
    encoding: {
      x: { field: "seconds", type: "quantitative", title: "seconds since the producer started" },
      y: { field, type: "quantitative", title: axis },
      color: partitionColor,
    },
  });
  return vegaLiteSpec(title, points, { width: undefined, height: undefined, vconcat: [panel("messages", "messages written (end offset)"), panel("lag", "consumer lag (messages)")] });
}

const KIND_COLORS = { hot: "#e45756", salted: "#f58518", cold: "#4c78a8" } as const;
export type PartitionLoad = "hot" | "salted" | "cold";

/**
 * Bars per partition, one panel per layout. `holds` describes a partition's
 * records (e.g. "shop-mega"); `kind` colours it: the hot key, its salts, or
 * other keys only.
 */
export function partitionSpread(rows: { layout: string; partition: number; messages: number; holds: string; kind: PartitionLoad }[], title = "Messages per partition"): VegaLiteSpec {
  const rank = (k: PartitionLoad) => Object.keys(KIND_COLORS).indexOf(k);
  const legend = [...new Map(rows.map((r) => [r.holds, r.kind])).entries()].sort((a, b) => rank(a[1]) - rank(b[1]));
  return vegaLiteSpec(title, rows, {
    width: undefined,
    height: undefined,
    facet: rowFacet("layout", rows),
    spec: {
      width: 380,
      height: 90,
      mark: { type: "bar", tooltip: true },
      encoding: {
        x: { field: "partition", type: "ordinal", title: "partition", axis: { labelAngle: 0 } },
        y: { field: "messages", type: "quantitative", title: "messages" },
        color: { field: "holds", type: "nominal", title: "holds", scale: { domain: legend.map(([h]) => h), range: legend.map(([, k]) => KIND_COLORS[k]) }, legend: { orient: "bottom", labelLimit: 300 } },
      },
    },
    resolve: { scale: { x: "independent" } },
  });
}

/**
 * One key's messages in the order a consumer received them: the n-th message
 * received against its sequence number. In order, each series is a straight
 * rising line; a drop is a message received after a later one.
 */
export function sequenceAsReceived(rows: { series: string; position: number; seq: number }[], title = "Sequence numbers in the order received"): VegaLiteSpec {
  return vegaLiteSpec(title, rows, {
    mark: { type: "line", aria: false },
    encoding: {
      x: { field: "position", type: "quantitative", title: "n-th message received" },
      y: { field: "seq", type: "quantitative", title: "sequence number" },
      color: { field: "series", type: "nominal", title: null, legend: { orient: "bottom", labelLimit: 300 } },
    },
  });
}
