// Notebook outputs may carry text/html. We keep only the table markup our own
// helpers emit (tags table/thead/tbody/tr/th/td, optionally with a plain
// class) and escape everything else, so a hostile output renders as text.
// Text between tags is escaped too, but an entity our tables already wrote
// (`&#39;` for an apostrophe) is kept: escaping it again would show it.
import { escape } from "./html";

const ALLOWED = /^<\/?(table|thead|tbody|tr|th|td)(\s+class="[a-zA-Z0-9 _-]*")?>$/;
/** A character reference: inert in a text node, so it may stay as it is. */
const ENTITY = /(&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)/;

const escapeText = (text: string) => text.split(ENTITY).map((piece, i) => (i % 2 === 1 ? piece : escape(piece))).join("");

export function sanitizeTableHtml(input: string): string {
  return input
    .split(/(<[^<>]*>)/)
    .map((part) => (ALLOWED.test(part) ? part : escapeText(part)))
    .join("");
}
