// Code cells highlighted at build time with shiki (light and dark themes as
// CSS variables, switched by the page's colour scheme). shiki is ESM-only:
// loaded with a real dynamic import. shiki stops tokenizing a line after
// 500 ms by default and colours the rest plain: on a busy machine the first
// line of a build (a cold regex engine) hit that, and pages differed from run
// to run. No time limit: a build must give the same page every time.
type Highlighter = { codeToHtml(code: string, options: { lang: string; themes: { light: string; dark: string }; tokenizeTimeLimit: number }): string };
type Shiki = { createHighlighter(options: { themes: string[]; langs: string[] }): Promise<Highlighter> };
const THEMES = { light: "github-light", dark: "github-dark" };
let highlighter: Promise<Highlighter> | undefined;

export async function highlight(code: string, lang = "typescript"): Promise<string> {
  highlighter ??= (import("shiki") as unknown as Promise<Shiki>).then((s) => s.createHighlighter({ themes: Object.values(THEMES), langs: ["typescript"] }));
  return (await highlighter).codeToHtml(code, { lang, themes: THEMES, tokenizeTimeLimit: 0 });
}
