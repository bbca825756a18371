// The one generic encoder/decoder: it interprets a schema's fields for one
// version. A field list is compiled once per (fields, version) into a plan so
// the per-message work is a walk over a flat array.
import { ProtocolError } from "./errors";
import { Reader, Writer } from "./primitives";
import { inRange, propertyName, type Field, type Primitive } from "./schema";

type Step = {
  prop: string;
  label: string;
  kind: "primitive" | "primitive-array" | "struct" | "struct-array";
  primitive: Primitive;
  nullable: boolean;
  sub?: Plan;
  tag?: number;
  defaultValue: () => unknown;
};

export type Plan = {
  flexible: boolean;
  /** Fields on the wire in order. */
  steps: Step[];
  /** Tagged fields of this version, by tag. */
  tagged: Map<number, Step>;
  /** Fields absent in this version (filled with defaults on decode). */
  absent: Step[];
};

const plans = new WeakMap<Field[], Map<string, Plan>>();

/** The compiled plan of `fields` at `version` (flexible or not), cached. */
export function planFor(fields: Field[], version: number, flexible: boolean): Plan {
  let byVersion = plans.get(fields);
  if (!byVersion) plans.set(fields, (byVersion = new Map()));
  const key = `${version}${flexible ? "f" : ""}`;
  let plan = byVersion.get(key);
  if (!plan) byVersion.set(key, (plan = compile(fields, version, flexible)));
  return plan;
}

function compile(fields: Field[], version: number, flexible: boolean): Plan {
  const plan: Plan = { flexible, steps: [], tagged: new Map(), absent: [] };
  for (const field of fields) {
    const present = inRange(version, field.versions);
    const step = stepOf(field, version, flexible);
    if (!present || (field.tag !== undefined && !flexible)) plan.absent.push(step);
    else if (field.tag !== undefined) plan.tagged.set(field.tag, step);
    else plan.steps.push(step);
  }
  return plan;
}

function stepOf(field: Field, version: number, flexible: boolean): Step {
  const t = field.type;
  const nullable = inRange(version, field.nullable);
  const base = { prop: propertyName(field.name), label: field.name, nullable, tag: field.tag };
  if (typeof t === "string") {
    return { ...base, kind: "primitive", primitive: t, defaultValue: () => defaultOf(field, t, nullable) };
  }
  if ("struct" in t) {
    const sub = planFor(t.struct, version, flexible);
    return { ...base, kind: "struct", primitive: "int8", sub, defaultValue: () => (field.default === null ? null : decodeDefaults(sub)) };
  }
  if (typeof t.array === "string") {
    return { ...base, kind: "primitive-array", primitive: t.array, defaultValue: () => (field.default === null ? null : []) };
  }
  const sub = planFor(t.array, version, flexible);
  return { ...base, kind: "struct-array", primitive: "int8", sub, defaultValue: () => (field.default === null ? null : []) };
}

/** A field's value when absent: its declared default, else its type's (null only where this version allows null). */
function defaultOf(field: Field, t: Primitive, nullable: boolean): unknown {
  if (field.default !== undefined) return t === "int64" && typeof field.default === "number" ? BigInt(field.default) : field.default;
  switch (t) {
    case "int64": return 0n;
    case "bool": return false;
    case "string": return nullable ? null : "";
    case "bytes": case "records": return nullable ? null : Buffer.alloc(0);
    case "uuid": return Buffer.alloc(16);
    default: return 0;
  }
}

function decodeDefaults(plan: Plan): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const s of plan.steps) obj[s.prop] = s.defaultValue();
  for (const s of plan.tagged.values()) obj[s.prop] = s.defaultValue();
  for (const s of plan.absent) obj[s.prop] = s.defaultValue();
  return obj;
}

// ---------------------------------------------------------------- decoding

/** Reads one struct described by `plan`. */
export function decodeStruct(r: Reader, plan: Plan): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const s of plan.steps) obj[s.prop] = readValue(r, s, plan.flexible);
  if (plan.flexible) readTaggedFields(r, plan, obj);
  for (const s of plan.absent) obj[s.prop] = s.defaultValue();
  return obj;
}

/** Reads a tagged-field section, keeping the tags the plan knows and skipping the rest. */
export function readTaggedFields(r: Reader, plan: Plan | undefined, obj: Record<string, unknown>): void {
  const n = r.uvarint();
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const tag = r.uvarint();
    const size = r.uvarint();
    const bytes = r.bytesOf(size, `tagged field ${tag}`);
    const step = plan?.tagged.get(tag);
    if (!step) continue;
    seen.add(tag);
    const sub = new Reader(bytes);
    obj[step.prop] = readValue(sub, step, true);
  }
  if (plan) for (const [tag, s] of plan.tagged) if (!seen.has(tag)) obj[s.prop] = s.defaultValue();
}

function readValue(r: Reader, s: Step, compact: boolean): unknown {
  switch (s.kind) {
    case "primitive":
      return readPrimitive(r, s.primitive, s, compact);
    case "primitive-array": {
      const n = r.count(compact);
      if (n === -1) return nullOr(s);
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = readPrimitive(r, s.primitive, s, compact);
      return out;
    }
    case "struct":
      return decodeStruct(r, s.sub!);
    case "struct-array": {
      const n = r.count(compact);
      if (n === -1) return nullOr(s);
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = decodeStruct(r, s.sub!);
      return out;
    }
  }
}

function nullOr(s: Step): null {
  if (!s.nullable) throw new ProtocolError("malformed", `null ${s.label} where the field is not nullable`);
  return null;
}

function readPrimitive(r: Reader, t: Primitive, s: Step, compact: boolean): unknown {
  switch (t) {
    case "int8": return r.int8();
    case "int16": return r.int16();
    case "uint16": return r.uint16();
    case "int32": return r.int32();
    case "int64": return r.int64();
    case "float64": return r.float64();
    case "bool": return r.bool();
    case "uuid": return r.uuid();
    case "string": {
      const v = r.string(compact);
      return v === null ? nullOr(s) : v;
    }
    case "bytes":
    case "records": {
      const v = r.bytes(compact);
      return v === null ? nullOr(s) : v;
    }
  }
}

// ---------------------------------------------------------------- encoding

/** Writes one struct described by `plan`; missing values take their defaults. */
export function encodeStruct(w: Writer, plan: Plan, obj: Record<string, unknown>): void {
  for (const s of plan.steps) writeValue(w, s, valueOf(obj, s), plan.flexible);
  if (plan.flexible) writeTaggedFields(w, plan, obj);
}

function valueOf(obj: Record<string, unknown>, s: Step): unknown {
  const v = obj?.[s.prop];
  return v === undefined ? s.defaultValue() : v;
}

function writeTaggedFields(w: Writer, plan: Plan, obj: Record<string, unknown>): void {
  const present = [...plan.tagged.entries()]
    .filter(([, s]) => obj?.[s.prop] !== undefined && !isDefault(obj[s.prop], s))
    .sort(([a], [b]) => a - b);
  w.uvarint(present.length);
  for (const [tag, s] of present) {
    const inner = new Writer(64);
    writeValue(inner, s, obj[s.prop], true);
    const bytes = inner.finish();
    w.uvarint(tag);
    w.uvarint(bytes.length);
    w.raw(bytes);
  }
}

function isDefault(v: unknown, s: Step): boolean {
  const d = s.defaultValue();
  if (Array.isArray(v)) return Array.isArray(d) && v.length === 0 && d.length === 0;
  if (v !== null && typeof v === "object") return false;
  return v === d;
}

function writeValue(w: Writer, s: Step, v: unknown, compact: boolean): void {
  switch (s.kind) {
    case "primitive":
      return writePrimitive(w, s.primitive, v, s, compact);
    case "primitive-array":
    case "struct-array": {
      if (v === null) {
        if (!s.nullable) throw new TypeError(`${s.label} is not nullable in this version`);
        return w.length_(compact, true, -1);
      }
      const items = v as unknown[];
      w.length_(compact, true, items.length);
      for (const item of items) {
        if (s.kind === "struct-array") encodeStruct(w, s.sub!, item as Record<string, unknown>);
        else writePrimitive(w, s.primitive, item, s, compact);
      }
      return;
    }
    case "struct":
      return encodeStruct(w, s.sub!, (v ?? {}) as Record<string, unknown>);
  }
}

function writePrimitive(w: Writer, t: Primitive, v: unknown, s: Step, compact: boolean): void {
  switch (t) {
    case "int8": return w.int8(Number(v));
    case "int16": return w.int16(Number(v));
    case "uint16": return w.uint16(Number(v));
    case "int32": return w.int32(Number(v));
    case "int64": return w.int64(BigInt(v as bigint | number));
    case "float64": return w.float64(Number(v));
    case "bool": return w.bool(Boolean(v));
    case "uuid": return w.raw((v as Buffer | undefined) ?? Buffer.alloc(16));
    case "string":
      if (v === null && !s.nullable) throw new TypeError(`${s.label} is not nullable in this version`);
      return w.string(v as string | null, compact);
    case "bytes":
    case "records":
      if (v === null && !s.nullable) throw new TypeError(`${s.label} is not nullable in this version`);
      return w.bytes(v as Uint8Array | null, compact);
  }
}
