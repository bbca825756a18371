// The common frame of every course chart: a Vega-Lite v5 spec with a title,
// a default size and its data inline (so the SVG fallback and the site can
// render it without fetching anything).
import type { Row } from "./tables";

export type VegaLiteSpec = Record<string, unknown> & { data: { values: Row[] } };

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** A Vega-Lite spec with `values` inline; `rest` holds the mark, encoding, layers or facets. */
export function vegaLiteSpec(title: string, values: Row[], rest: Record<string, unknown>): VegaLiteSpec {
  return { $schema: SCHEMA, title, width: 360, height: 200, data: { values }, ...rest };
}

const HEADER = { labelOrient: "top", labelAngle: 0, labelAnchor: "start", labelFontWeight: "bold" };

/** Panels in the order their values first appear in the data (not sorted by name). */
export function dataOrder(field: string, values: Row[]): string[] {
  return [...new Set(values.map((v) => String(v[field])))];
}

/** A row facet on `field`: one panel per value, headed by the value, in data order. */
export function rowFacet(field: string, values: Row[]): Record<string, unknown> {
  return { row: { field, type: "nominal", title: null, sort: dataOrder(field, values), header: HEADER } };
}

/** A wrapped facet on `field` (`columns` per row), panels in data order. */
export function wrappedFacet(field: string, values: Row[]): Record<string, unknown> {
  return { field, type: "nominal", title: null, sort: dataOrder(field, values), header: HEADER };
}
