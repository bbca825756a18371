// Hints: `<details><summary>Hint</summary>` … `</details>` in a markdown
// cell (collapsible in JupyterLab). Raw HTML is otherwise disabled, so this
// plugin recognises exactly that shape and renders the body as markdown.
import type MarkdownIt from "markdown-it";
import { escape } from "./html";

const OPEN = /^<details>\s*<summary>(.*?)<\/summary>\s*$/;

export function hints(md: MarkdownIt): void {
  md.block.ruler.before("html_block", "hint", (state, startLine, endLine, silent) => {
    const line = (n: number) => state.src.slice(state.bMarks[n] + state.tShift[n], state.eMarks[n]);
    const open = OPEN.exec(line(startLine));
    if (!open) return false;
    let close = startLine + 1;
    while (close < endLine && line(close).trim() !== "</details>") close++;
    if (close >= endLine) return false;
    if (silent) return true;
    const body = state.getLines(startLine + 1, close, state.blkIndent, false);
    const token = state.push("html_block", "", 0);
    // Notebooks say "(click to open)" because classic Notebook hides the ▸ marker; the site shows it.
    const summary = open[1].replace(/<[^>]*>/g, "").replace(/\s*\(click to open\)\s*$/i, "");
    token.content = `<details class="hint"><summary>${escape(summary)}</summary>\n${md.render(body)}</details>\n`;
    token.map = [startLine, close + 1];
    state.line = close + 1;
    return true;
  });
}
