// Code cells highlighted at build time with shiki (light and dark themes as
// CSS variables, switched by the page's colour scheme). shiki is ESM-only:
// loaded with a real dynamic import.
type Shiki = { codeToHtml(code: string, options: { lang: string; themes: { light: string; dark: string } }): Promise<string> };
let shiki: Promise<Shiki> | undefined;

export async function highlight(code: string, lang = "typescript"): Promise<string> {
  shiki ??= import("shiki") as unknown as Promise<Shiki>;
  return (await shiki).codeToHtml(code, { lang, themes: { light: "github-light", dark: "github-dark" } });
}
