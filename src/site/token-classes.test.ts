import { describe, expect, it } from "vitest";
import { tokenStylesToClasses } from "./token-classes";

const page = (body: string) => `<html><head><title>t</title></head><body>${body}</body></html>`;

describe("shiki token styles as classes", () => {
  it("gives each distinct token style one class, defined once in the head", () => {
    const out = tokenStylesToClasses(page('<pre class="shiki"><span style="color:#D73A49;--shiki-dark:#F97583">const</span><span style="color:#005CC5;--shiki-dark:#79B8FF"> x</span><span style="color:#D73A49;--shiki-dark:#F97583">await</span></pre>'));
    expect(out).toContain('<span class="t0">const</span><span class="t1"> x</span><span class="t0">await</span>');
    expect(out).toContain("<style>\n.shiki .t0{color:#D73A49;--shiki-dark:#F97583}\n.shiki .t1{color:#005CC5;--shiki-dark:#79B8FF}\n</style>\n</head>");
    expect(out).not.toContain("style=\"color");
  });

  it("leaves any other inline style and a page without tokens as they are", () => {
    const other = page('<span style="width:10px">a</span><span style="color:red;background:url(x)">b</span>');
    expect(tokenStylesToClasses(other)).toBe(other);
  });
});
