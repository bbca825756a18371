// `node:path` in the browser: only the data-directory code uses it, and a
// page has no data directory; these cover what that code would call.
export const sep = "/";
export function join(...parts: string[]): string {
  return parts.filter(Boolean).join("/").replace(/\/+/g, "/");
}
export function dirname(p: string): string {
  return p.replace(/\/[^/]*$/, "") || "/";
}
export function basename(p: string, ext = ""): string {
  const base = p.replace(/^.*\//, "");
  return ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
}
export const resolve = join;
export default { sep, join, dirname, basename, resolve };
