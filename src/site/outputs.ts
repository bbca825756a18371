// One cell output → HTML. Streams and errors are text; Vega-Lite charts are
// compiled to SVG here at build time (from the spec, not from the output's
// own SVG, which is untrusted); HTML survives only as sanitised tables;
// anything else falls back to its text/plain.
import { vegaLiteToSvg } from "../lab/render-svg";
import { html, raw, type SafeHtml } from "./html";
import { stripAnsi } from "../runner/report";
import { sanitizeTableHtml } from "./sanitize";
import { PREDICTION_MIME } from "../lab/predictions";

export type Output = {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
};

const VEGA_LITE = /^application\/vnd\.vegalite\.v\d\+json$/;
const text = (v: unknown) => (Array.isArray(v) ? v.join("") : String(v ?? ""));

export async function renderOutput(o: Output): Promise<SafeHtml> {
  switch (o.output_type) {
    case "stream":
      return html`<pre class="output stream ${o.name === "stderr" ? "stderr" : "stdout"}">${stripAnsi(text(o.text))}</pre>`;
    case "error":
      return html`<pre class="output error">${stripAnsi((o.traceback ?? []).join("\n") || `${o.ename}: ${o.evalue}`)}</pre>`;
    case "display_data":
    case "execute_result":
      return renderBundle(o.data ?? {});
    default:
      return html``;
  }
}

async function renderBundle(data: Record<string, unknown>): Promise<SafeHtml> {
  // A prediction's comparison: the build has no reader's guess, so show only what happened.
  const predicted = data[PREDICTION_MIME] as { actual?: unknown } | undefined;
  if (predicted && typeof predicted.actual === "string") return html`<p class="output prediction-result">What happened: <strong>${predicted.actual}</strong></p>`;
  const vegaKey = Object.keys(data).find((k) => VEGA_LITE.test(k));
  if (vegaKey) {
    try {
      const svg = await vegaLiteToSvg(data[vegaKey] as object);
      return html`<figure class="output chart">${raw(svg)}</figure>`;
    } catch {
      // fall through to the text version
    }
  }
  if (typeof data["text/html"] === "string" || Array.isArray(data["text/html"])) {
    return html`<div class="output html">${raw(sanitizeTableHtml(text(data["text/html"])))}</div>`;
  }
  const png = text(data["image/png"]);
  if (png && /^[A-Za-z0-9+/=\s]+$/.test(png)) return html`<img class="output image" alt="cell output" src="data:image/png;base64,${png.replace(/\s/g, "")}">`;
  return html`<pre class="output text">${text(data["text/plain"])}</pre>`;
}
