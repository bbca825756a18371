// The capstone's timeline: events taking effect per consumer over time, with
// the scenario's faults, outage, growth and rebalance marked where they
// happened (a numbered rule each; the legend names them).
import { vegaLiteSpec, type VegaLiteSpec } from "../vega-spec";
import type { PipelineRun } from "./pipeline";

/** Cumulative events applied per consumer, with a numbered rule at each scenario mark. */
export function pipelineTimeline(run: Pick<PipelineRun, "applied" | "marks">, title = "Events taking effect, per consumer"): VegaLiteSpec {
  const counts = new Map<string, number>();
  const progress = run.applied.map((a) => {
    counts.set(a.consumer, (counts.get(a.consumer) ?? 0) + 1);
    return { seconds: Number(a.seconds.toFixed(3)), consumer: a.consumer, applied: counts.get(a.consumer)!, event: null, n: null, labelY: null };
  });
  const end = Math.max(1, ...run.applied.map((a) => a.seconds), ...run.marks.map((m) => m.seconds));
  // Marks close in time get their numbers stacked, so that they stay readable.
  let level = 0;
  const marks = run.marks.map((m, i) => {
    level = i > 0 && m.seconds - run.marks[i - 1].seconds < end * 0.04 ? level + 1 : 0;
    return { seconds: Number(m.seconds.toFixed(3)), consumer: null, applied: null, event: `${i + 1}. ${m.event}`, n: String(i + 1), labelY: 0.96 - 0.08 * level };
  });
  const x = { field: "seconds", type: "quantitative", title: "seconds since the run started" };
  const isMark = [{ filter: "datum.event != null" }];
  return vegaLiteSpec(title, [...progress, ...marks], {
    width: 420,
    height: 220,
    layer: [
      {
        transform: [{ filter: "datum.consumer != null" }],
        mark: { type: "line", interpolate: "step-after", aria: false },
        encoding: { x, y: { field: "applied", type: "quantitative", title: "events applied by this consumer" }, color: { field: "consumer", type: "nominal", title: "consumer", legend: { orient: "bottom" } } },
      },
      {
        transform: isMark,
        mark: { type: "rule", strokeDash: [4, 3] },
        encoding: { x, color: { field: "event", type: "nominal", title: "what happened", sort: null, scale: { scheme: "dark2" }, legend: { orient: "right", labelLimit: 280 } } },
      },
      {
        transform: isMark,
        mark: { type: "text", fontSize: 10, fontWeight: "bold", dx: 5 },
        encoding: { x, y: { field: "labelY", type: "quantitative", scale: { domain: [0, 1] }, axis: null }, text: { field: "n" }, color: { field: "event", type: "nominal", sort: null, scale: { scheme: "dark2" }, legend: null } },
      },
    ],
    resolve: { scale: { color: "independent", y: "independent" } },
  });
}
