// A live cell's outputs in the page, as the build renders them (same
// classes): streams and errors as text, tables through the same sanitiser,
// charts drawn by vega from their Vega-Lite spec. Nothing a cell prints is
// ever inserted as markup.
import { sanitizeTableHtml } from "../../site/sanitize";
import type { LiveOutput } from "../browser/kernel";
import type { VegaApi } from "../browser/vega";

const VEGA_LITE = /^application\/vnd\.vegalite\.v\d\+json$/;
const text = (v: unknown) => (Array.isArray(v) ? v.join("") : String(v ?? ""));

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, content?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (content !== undefined) el.textContent = content;
  return el;
}

/** Appends one output to `area`; `expectedError` shows an error as the stderr text a refusal prints. */
export function renderOutput(area: HTMLElement, output: LiveOutput, vega: () => Promise<VegaApi>, expectedError = false): void {
  if (output.kind === "stream") {
    const last = area.lastElementChild;
    if (last instanceof HTMLPreElement && last.classList.contains("stream") && last.classList.contains(output.name)) last.textContent += output.text;
    else area.appendChild(element("pre", `output stream ${output.name}`, output.text));
    return;
  }
  if (output.kind === "error") {
    area.appendChild(element("pre", expectedError ? "output stream stderr expected-error" : "output error", output.traceback.join("\n")));
    return;
  }
  const data = output.data as Record<string, unknown>;
  const vegaKey = Object.keys(data).find((k) => VEGA_LITE.test(k));
  if (vegaKey) {
    const figure = element("figure", "output chart");
    area.appendChild(figure);
    vega()
      .then((v) => v.render(data[vegaKey] as object, figure))
      .catch((err: Error) => figure.replaceWith(element("pre", "output text", `${text(data["text/plain"])}\n(chart not drawn: ${err.message})`)));
    return;
  }
  if (data["text/html"] !== undefined) {
    const div = element("div", "output html");
    div.innerHTML = sanitizeTableHtml(text(data["text/html"]));
    area.appendChild(div);
    return;
  }
  const png = text(data["image/png"]);
  if (png && /^[A-Za-z0-9+/=\s]+$/.test(png)) {
    const img = element("img", "output image");
    img.alt = "cell output";
    img.src = `data:image/png;base64,${png.replace(/\s/g, "")}`;
    area.appendChild(img);
    return;
  }
  area.appendChild(element("pre", "output text", text(data["text/plain"])));
}
