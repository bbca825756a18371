// markdown-it plugin: GitHub-style alerts. A blockquote whose first line is
// `[!NOTE]`, `[!TIP]` or `[!WARNING]` becomes a styled callout; in Jupyter it
// stays a plain quote.
import type MarkdownIt from "markdown-it";

const KINDS = ["NOTE", "TIP", "WARNING", "IMPORTANT", "CAUTION"];

export function callouts(md: MarkdownIt): void {
  md.core.ruler.after("inline", "callouts", (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== "blockquote_open") continue;
      const inline = tokens[i + 2];
      if (inline?.type !== "inline") continue;
      const m = /^\[!([A-Z]+)\]\s*/.exec(inline.content);
      if (!m || !KINDS.includes(m[1])) continue;
      const kind = m[1].toLowerCase();
      tokens[i].attrSet("class", `callout callout-${kind}`);
      tokens[i].attrSet("role", "note");
      // Drop the marker from the first paragraph's text and add a title.
      const first = inline.children?.[0];
      if (first?.type === "text") first.content = first.content.replace(/^\[![A-Z]+\]\s*/, "");
      inline.content = inline.content.slice(m[0].length);
      if (inline.children?.[1]?.type === "softbreak") inline.children.splice(1, 1);
      const title = new state.Token("html_inline", "", 0);
      title.content = `<strong class="callout-title">${kind[0].toUpperCase()}${kind.slice(1)}</strong> `;
      inline.children?.unshift(title);
    }
  });
}
