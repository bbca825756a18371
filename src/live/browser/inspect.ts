// A value as text, close to what Node's util.inspect prints in a notebook:
// strings quoted inside structures, bigints with `n`, Maps, Sets, errors,
// buffers; cycles and depth bounded.
const MAX_ITEMS = 100;

/** Formats a value for a cell's output. */
export function inspect(value: unknown, depth = 2): string {
  return show(value, depth, new Set(), true);
}

function show(v: unknown, depth: number, seen: Set<unknown>, top: boolean): string {
  switch (typeof v) {
    case "string":
      return top ? `'${v}'` : `'${v.replace(/'/g, "\\'")}'`;
    case "bigint":
      return `${v}n`;
    case "function":
      return `[Function: ${v.name || "(anonymous)"}]`;
    case "symbol":
      return v.toString();
    case "undefined":
      return "undefined";
    case "number":
    case "boolean":
      return String(v);
  }
  if (v === null) return "null";
  if (seen.has(v)) return "[Circular]";
  if (v instanceof Error) return v.stack ?? `${v.name}: ${v.message}`;
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return `<Buffer ${[...v.subarray(0, 50)].map((b) => b.toString(16).padStart(2, "0")).join(" ")}${v.length > 50 ? " ..." : ""}>`;
  if (depth < 0) return Array.isArray(v) ? "[Array]" : "[Object]";
  seen.add(v);
  try {
    const inner = (x: unknown) => show(x, depth - 1, seen, false);
    if (Array.isArray(v)) return list("[", v.slice(0, MAX_ITEMS).map(inner), "]", v.length);
    if (v instanceof Map) return list(`Map(${v.size}) {`, [...v].slice(0, MAX_ITEMS).map(([k, x]) => `${inner(k)} => ${inner(x)}`), "}", v.size);
    if (v instanceof Set) return list(`Set(${v.size}) {`, [...v].slice(0, MAX_ITEMS).map(inner), "}", v.size);
    const entries = Object.entries(v as object);
    const name = (v as object).constructor?.name;
    const prefix = name && name !== "Object" ? `${name} {` : "{";
    return list(prefix, entries.slice(0, MAX_ITEMS).map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${inner(x)}`), "}", entries.length);
  } finally {
    seen.delete(v);
  }
}

function list(open: string, items: string[], close: string, total: number): string {
  if (total > items.length) items.push(`... ${total - items.length} more items`);
  if (items.length === 0) return `${open}${close}`;
  const oneLine = `${open} ${items.join(", ")} ${close}`;
  return oneLine.length <= 72 && !oneLine.includes("\n") ? oneLine : `${open}\n${items.map((i) => "  " + i.replace(/\n/g, "\n  ")).join(",\n")}\n${close}`;
}
