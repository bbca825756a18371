// shiki writes every token's colours inline (`<span style="color:#D73A49;
// --shiki-dark:#F97583">`): about 45 bytes a token, most of a lesson page's
// weight. A page uses a few dozen distinct token styles, so each becomes a
// short class, defined once in a <style> in the page's head. Pure: page in,
// page out; the same page gives the same classes.

/** A token style shiki writes: colours and font settings, nothing else (so it is safe to copy into CSS). */
const TOKEN_STYLE = /^(?:(?:color|--shiki-[a-z-]+|font-style|font-weight|text-decoration):[#\w -]+;?)+$/;
const SPAN = /<span style="([^"]*)">/g;

/** The page with shiki's inline token styles replaced by classes `t0`, `t1`, … defined in its head. */
export function tokenStylesToClasses(page: string): string {
  const classes = new Map<string, string>();
  const body = page.replace(SPAN, (span, style: string) => {
    if (!TOKEN_STYLE.test(style)) return span;
    let name = classes.get(style);
    if (name === undefined) classes.set(style, (name = `t${classes.size}`));
    return `<span class="${name}">`;
  });
  if (classes.size === 0) return page;
  const css = [...classes].map(([style, name]) => `.shiki .${name}{${style}}`).join("\n");
  return body.replace("</head>", `<style>\n${css}\n</style>\n</head>`);
}
