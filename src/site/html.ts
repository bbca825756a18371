// HTML by construction: every interpolated value is escaped unless it is
// explicitly marked as already-safe HTML with `raw`. Notebook outputs are
// untrusted text; this is what keeps them text.
import { escapeHtml } from "../lab/html";

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export const escape = escapeHtml;

/** Marks markup we produced ourselves (or sanitised) as safe to insert. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

type Value = SafeHtml | string | number | boolean | null | undefined | Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return "";
  if (Array.isArray(v)) return v.map(render).join("");
  if (v instanceof SafeHtml) return v.value;
  return escape(v);
}

/** `html\`<p>${text}</p>\`` escapes `text`; arrays are joined; `raw(...)` passes through. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0];
  values.forEach((v, i) => (out += render(v) + strings[i + 1]));
  return new SafeHtml(out);
}
