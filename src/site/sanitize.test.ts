import { describe, expect, it } from "vitest";
import { tableHtml } from "../lab/tables";
import { sanitizeTableHtml } from "./sanitize";

describe("sanitizeTableHtml", () => {
  it("keeps our tables as they are, escaped values included, so an apostrophe shows as one", () => {
    const table = tableHtml([{ "busiest partition's share": "80% <of> \"all\" & more" }]);
    expect(sanitizeTableHtml(table)).toBe(table);
  });

  it("escapes every other tag and bare markup characters", () => {
    expect(sanitizeTableHtml('<table><tr><td><img src=x onerror="alert(1)">a & b</td></tr></table>')).toBe(
      '<table><tr><td>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;a &amp; b</td></tr></table>',
    );
    expect(sanitizeTableHtml("<script>alert('x')</script>")).toBe("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  });
});
