// `vegaLiteToSvg` in the browser: vega is loaded on first use. Replaces
// src/lab/render-svg.ts in the browser bundle, with the same export.
import { loadVega } from "./vega";

/** Compiles a Vega-Lite spec and renders it to standalone SVG markup. */
export async function vegaLiteToSvg(spec: object): Promise<string> {
  return (await loadVega()).toSvg(spec);
}
