// Vega-Lite v5 specs for the course's charts. Pure data in, spec out; the
// text fallback of each chart is its data as a small table.
import { display } from "./display";
import { vegaLiteToSvg } from "./render-svg";
import { tableText, type Row } from "./tables";
import { vegaLiteSpec as spec, type VegaLiteSpec } from "./vega-spec";

export type { VegaLiteSpec } from "./vega-spec";

/** Bars: how many messages each partition holds. */
export function messagesPerPartition(counts: { partition: number; messages: number }[], title = "Messages per partition"): VegaLiteSpec {
  return bars(title, counts, ["partition", "partition"], ["messages", "messages"]);
}

type Axis = [field: string, title: string];

/** Bars of `y` per `x` category; with `stacks`, each bar stacks one segment per value of that field. */
function bars(title: string, values: Row[], [xField, xTitle]: Axis, [yField, yTitle]: Axis, stacks?: { field: string; sort?: string }): VegaLiteSpec {
  const y = { field: yField, type: "quantitative", title: yTitle, ...(stacks ? { stack: "zero" } : {}) };
  return spec(title, values, {
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: xField, type: "ordinal", title: xTitle },
      y,
      ...(stacks ? { color: { field: stacks.field, type: "nominal", title: "", ...(stacks.sort ? { sort: stacks.sort } : {}) } } : {}),
    },
  });
}

/** Filled points in rows `step` pixels apart, one row per value of the `y` encoding, in the data's order. */
function pointRows(title: string, values: Row[], step: number, encoding: Record<string, object>): VegaLiteSpec {
  return spec(title, values, { height: { step }, mark: { type: "point", filled: true, size: 140, tooltip: true }, encoding });
}

/** A grid: which partition each key lands on (one row per key, one column per partitioner). */
export function keyPartitionMap(rows: { key: string; partition: number; partitioner?: string }[], title = "Key → partition"): VegaLiteSpec {
  return pointRows(title, rows, 22, {
    x: { field: "partition", type: "ordinal", title: "partition" },
    y: { field: "key", type: "nominal", title: "key", sort: null },
    color: { field: "partitioner", type: "nominal", title: "partitioner" },
    shape: { field: "partitioner", type: "nominal" },
  });
}

/** Lines: each partition's log end offset as messages arrive. */
export function offsetsOverTime(points: { partition: number; step: number; offset: number }[], title = "Log end offset per partition"): VegaLiteSpec {
  return spec(title, points, {
    mark: { type: "line", point: true, tooltip: true },
    encoding: {
      x: { field: "step", type: "quantitative", title: "messages sent" },
      y: { field: "offset", type: "quantitative", title: "end offset" },
      color: { field: "partition", type: "nominal", title: "partition" },
    },
  });
}

/** Bars: which consumer of a group owns which partitions. */
export function consumerAssignment(rows: { consumer: string; partition: number }[], title = "Partitions per consumer"): VegaLiteSpec {
  return spec(title, rows, {
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "consumer", type: "nominal", title: "consumer" },
      x: { aggregate: "count", type: "quantitative", title: "partitions" },
      color: { field: "partition", type: "nominal", title: "partition" },
    },
  });
}

/** Where each key's new records go before and after a topic grows. */
export function beforeAfterPartitions(rows: { key: string; before: number; after: number }[], title = "Partition of each key, before and after adding partitions"): VegaLiteSpec {
  const values = rows.flatMap((r) => [
    { key: r.key, when: "before", partition: r.before, moved: r.before !== r.after ? "moved" : "stayed" },
    { key: r.key, when: "after", partition: r.after, moved: r.before !== r.after ? "moved" : "stayed" },
  ]);
  return spec(title, values, {
    height: { step: 22 },
    mark: { type: "line", point: { filled: true, size: 80 }, tooltip: true },
    encoding: {
      x: { field: "partition", type: "ordinal", title: "partition" },
      y: { field: "key", type: "nominal", title: "key", sort: null },
      detail: { field: "key" },
      color: { field: "moved", type: "nominal", title: "new records", scale: { domain: ["stayed", "moved"], range: ["#4c78a8", "#e45756"] } },
      shape: { field: "when", type: "nominal", title: "partition count" },
    },
  });
}

/** Bars: how many partition leaders each broker holds. */
export function leadersPerBroker(rows: { broker: number; leaders: number }[], title = "Partition leaders per broker"): VegaLiteSpec {
  return bars(title, rows, ["broker", "broker"], ["leaders", "leaders"]);
}

/** Points: the order records arrived in (x) against their offset (y), one colour per partition. */
export function arrivalOrder(records: { partition: number; offset: number; value?: string }[], title = "Arrival order versus offset"): VegaLiteSpec {
  const values = records.map((r, i) => ({ arrival: i + 1, partition: r.partition, offset: r.offset, value: r.value ?? "" }));
  return spec(title, values, {
    mark: { type: "line", point: { filled: true, size: 90 }, tooltip: true },
    encoding: {
      x: { field: "arrival", type: "quantitative", title: "arrival (1 = first received)", axis: { tickMinStep: 1 } },
      y: { field: "offset", type: "quantitative", title: "offset in its partition", axis: { tickMinStep: 1 } },
      color: { field: "partition", type: "nominal", title: "partition" },
    },
  });
}

/**
 * The retry timeline of one partition: every Produce batch the broker saw
 * (x: order of arrival), its base sequence number (y), and what the broker
 * did with it (colour). Labels name the messages each batch carried.
 */
export function produceTimeline(batches: { n: number; baseSequence: number; values: string[]; outcome: string; answered: boolean }[], title = "Produce batches as the broker saw them"): VegaLiteSpec {
  const first = batches[0]?.n ?? 1;
  const values = batches.map((b) => ({
    request: b.n - first + 1,
    sequence: b.baseSequence,
    messages: b.values.join(" "),
    outcome: b.answered ? b.outcome : `${b.outcome}, answer lost`,
  }));
  return spec(title, values, {
    layer: [
      { mark: { type: "point", filled: true, size: 160, tooltip: true } },
      { mark: { type: "text", dy: -14, fontSize: 11 }, encoding: { text: { field: "messages" } } },
    ],
    encoding: {
      x: { field: "request", type: "quantitative", title: "batch, in the order the broker received it", axis: { tickMinStep: 1 } },
      y: { field: "sequence", type: "quantitative", title: "base sequence number", axis: { tickMinStep: 1 } },
      color: { field: "outcome", type: "nominal", title: "broker's answer" },
    },
  });
}

/**
 * Each attempt of one or more sends over time (x: ms since the first), one
 * row per send, coloured by the broker's answer: the waits between retries
 * and where a send gave up or got through.
 */
export function retryTimeline(attempts: { send: string; ms: number; answer: string }[], title = "Every attempt of each send, as the broker answered it"): VegaLiteSpec {
  return pointRows(title, attempts, 36, {
    x: { field: "ms", type: "quantitative", title: "ms since the first attempt" },
    y: { field: "send", type: "nominal", title: "", sort: null },
    color: { field: "answer", type: "nominal", title: "broker's answer" },
  });
}

/** Stacked bars per partition: records read already (committed offset) and lag (end offset − committed). */
export function lagPerPartition(rows: { partition: number; committed: number; end: number }[], title = "Committed offset and lag per partition"): VegaLiteSpec {
  const values = rows.flatMap((r) => [
    { partition: r.partition, part: "read (up to the committed offset)", records: Math.max(0, r.committed) },
    { partition: r.partition, part: "lag (end offset − committed)", records: r.end - Math.max(0, r.committed) },
  ]);
  return bars(title, values, ["partition", "partition"], ["records", "offsets"], { field: "part", sort: "descending" });
}

/** Stacked bars: how a partition's offsets are used (committed records, aborted records, transaction markers). */
export function offsetsByState(rows: { partition: number; state: string; offsets: number }[], title = "What each offset holds"): VegaLiteSpec {
  return bars(title, rows, ["partition", "partition"], ["offsets", "offsets"], { field: "state" });
}

/**
 * The display bundle of a chart: the spec itself for JupyterLab (which draws
 * Vega-Lite natively), a static SVG for viewers that cannot, and the data as
 * text for everything else.
 */
export async function chartBundle(chart: VegaLiteSpec): Promise<Record<string, unknown> & { "text/plain": string }> {
  const bundle: Record<string, unknown> & { "text/plain": string } = {
    "application/vnd.vegalite.v5+json": chart,
    "text/plain": `${String(chart.title ?? "chart")}\n${tableText(chart.data.values)}`,
  };
  try {
    bundle["image/svg+xml"] = await vegaLiteToSvg(chart);
  } catch {
    // No SVG fallback is better than no chart: the spec and text still show.
  }
  return bundle;
}

/** Displays a chart in the notebook. */
export async function showChart(chart: VegaLiteSpec): Promise<void> {
  display(await chartBundle(chart));
}
