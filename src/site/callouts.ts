// markdown-it plugin: callouts. The course writes them as a blockquote whose
// first words are a bold label — `> **Note:** …`, `> **Tip:** …`,
// `> **Warning:** …` — which reads well in every Jupyter frontend (classic
// Notebook shows GitHub's `> [!NOTE]` literally). Both forms become a styled
// callout here; a blockquote without a label stays a plain quote.
import type MarkdownIt from "markdown-it";

type Token = ReturnType<MarkdownIt["parseInline"]>[number];

const KINDS = ["note", "tip", "warning", "important", "caution"];

/** The callout kind of a blockquote's first inline token, and how to strip its marker; undefined for a plain quote. */
function calloutOf(inline: Token): { kind: string; strip(): void } | undefined {
  const children = inline.children ?? [];
  const alert = /^\[!([A-Z]+)\]\s*/.exec(inline.content);
  if (alert && KINDS.includes(alert[1].toLowerCase())) {
    return {
      kind: alert[1].toLowerCase(),
      strip() {
        if (children[0]?.type === "text") children[0].content = children[0].content.replace(/^\[![A-Z]+\]\s*/, "");
        if (children[1]?.type === "softbreak") children.splice(1, 1);
      },
    };
  }
  // **Note:** text — or **Note**: text (markdown-it may put an empty text token first)
  const at = children[0]?.type === "text" && children[0].content === "" ? 1 : 0;
  if (children[at]?.type !== "strong_open" || children[at + 2]?.type !== "strong_close") return undefined;
  const label = /^([A-Za-z]+)(:?)$/.exec(children[at + 1]?.content ?? "");
  const after = children[at + 3];
  const colonAfter = label?.[2] === "" && after?.type === "text" && after.content.startsWith(":");
  if (!label || !KINDS.includes(label[1].toLowerCase()) || (label[2] === "" && !colonAfter)) return undefined;
  return {
    kind: label[1].toLowerCase(),
    strip() {
      children.splice(0, at + 3);
      const first = children[0];
      if (first?.type === "text") first.content = first.content.replace(/^:?\s*/, "");
    },
  };
}

export function callouts(md: MarkdownIt): void {
  md.core.ruler.after("inline", "callouts", (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== "blockquote_open") continue;
      const inline = tokens[i + 2];
      if (inline?.type !== "inline") continue;
      const callout = calloutOf(inline);
      if (!callout) continue;
      tokens[i].attrSet("class", `callout callout-${callout.kind}`);
      tokens[i].attrSet("role", "note");
      callout.strip();
      const title = new state.Token("html_inline", "", 0);
      title.content = `<strong class="callout-title">${callout.kind[0].toUpperCase()}${callout.kind.slice(1)}</strong> `;
      inline.children?.unshift(title);
    }
  });
}
