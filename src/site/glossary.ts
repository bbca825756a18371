// The course glossary: `notebooks/glossary.md` (one `## Term (alias, …)`
// heading per term, a paragraph, and the notebook that teaches it) becomes
// glossary.html, and the first bold use of a term on each lesson page links
// to its entry.
import { escape, html, raw, type SafeHtml } from "./html";
import { renderMarkdown } from "./markdown";

export type GlossaryEntry = { term: string; names: string[]; slug: string; body: string };

export const slugOf = (term: string) => term.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** Parses glossary markdown: every `## ` heading starts an entry; text before the first one is ignored. */
export function parseGlossary(markdown: string): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  for (const section of markdown.split(/^## /m).slice(1)) {
    const [heading, ...rest] = section.split("\n");
    const m = /^(.*?)\s*(?:\((.*)\))?\s*$/.exec(heading.trim())!;
    const term = m[1].trim();
    const aliases = (m[2] ?? "").split(",").map((a) => a.trim()).filter(Boolean);
    entries.push({ term, names: [term, ...aliases], slug: slugOf(term), body: rest.join("\n").trim() });
  }
  return entries;
}

/** Links to notebooks (`05-x.ipynb`) become links to their pages (`05-x.html`). */
const toPages = (markup: string) => markup.replace(/href="([\w-]+)\.ipynb(#[\w-]*)?"/g, 'href="$1.html$2"');

export function glossaryBody(entries: GlossaryEntry[]): SafeHtml {
  const sorted = [...entries].sort((a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }));
  return html`<h1>Glossary</h1>
<p class="lead">The words the course uses, each defined where a lesson first needs it. Bold terms in the lessons link here.</p>
<dl class="glossary">
${sorted.map((e) => html`<dt id="${e.slug}">${e.names.length > 1 ? `${e.term} (${e.names.slice(1).join(", ")})` : e.term}</dt>
<dd>${raw(toPages(renderMarkdown(e.body)))}</dd>`)}
</dl>`;
}

const key = (name: string) => name.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Returns a function that links the first bold use of each glossary term in
 * the HTML it is given (call it once per cell, in order, for one page):
 * `<strong>ISR</strong>` → `<a class="term" href="glossary.html#isr"><strong>ISR</strong></a>`.
 * Plurals ("partitions") match their term ("partition").
 */
export function termLinker(entries: GlossaryEntry[]): (markup: string) => string {
  const bySpelling = new Map<string, GlossaryEntry>();
  for (const e of entries) for (const n of e.names) bySpelling.set(key(n), e);
  const linked = new Set<string>();
  const find = (text: string) => bySpelling.get(text) ?? bySpelling.get(text.replace(/e?s$/, "")) ?? bySpelling.get(text.replace(/s$/, ""));
  return (markup) =>
    markup.replace(/<strong>([^<]{1,60})<\/strong>/g, (whole, inner: string) => {
      const entry = find(key(inner.replace(/&#39;|&quot;|&amp;/g, "")));
      if (!entry || linked.has(entry.slug)) return whole;
      linked.add(entry.slug);
      return `<a class="term" href="glossary.html#${entry.slug}" title="Glossary: ${escape(entry.term)}">${whole}</a>`;
    });
}
