// Notebook outputs may carry text/html. We keep only the table markup our own
// helpers emit (tags table/thead/tbody/tr/th/td, optionally with a plain
// class) and escape everything else, so a hostile output renders as text.
import { escape } from "./html";

const ALLOWED = /^<\/?(table|thead|tbody|tr|th|td)(\s+class="[a-zA-Z0-9 _-]*")?>$/;

export function sanitizeTableHtml(input: string): string {
  return input
    .split(/(<[^<>]*>)/)
    .map((part) => (ALLOWED.test(part) ? part : escape(part)))
    .join("");
}
