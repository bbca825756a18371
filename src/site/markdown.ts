// The markdown renderer for notebook cells: CommonMark + tables via
// markdown-it with raw HTML off (cells are text), plus our plugins.
import MarkdownIt from "markdown-it";
import { callouts } from "./callouts";
import { hints } from "./hints";

let instance: MarkdownIt | undefined;

export function markdown(): MarkdownIt {
  if (!instance) {
    instance = new MarkdownIt({ html: false, linkify: true, typographer: false });
    instance.use(hints).use(callouts);
  }
  return instance;
}

export function renderMarkdown(source: string): string {
  return markdown().render(source);
}
