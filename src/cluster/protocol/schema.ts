// The data that describes an API on the wire. Each file in ./schemas states one
// API's request and response once, in the vocabulary of Kafka's own message
// specs (field names, types, version ranges such as "3+" or "1-4", nullable and
// tagged versions, defaults); ./codec.ts interprets it for every version.

export type Primitive =
  | "int8" | "int16" | "uint16" | "int32" | "int64" | "float64" | "bool"
  | "string" | "bytes" | "records" | "uuid";

/** A field's type: a primitive, an array of primitives, a struct, or an array of structs. */
export type FieldType =
  | Primitive
  | { array: Primitive }
  | { struct: Field[] }
  | { array: Field[] };

export type Field = {
  /** Kafka's field name (PascalCase); the decoded object uses it with the first letter lower-cased. */
  name: string;
  type: FieldType;
  versions: string;
  nullable?: string;
  /** Tagged fields are optional, sent only when they differ from their default. */
  tag?: number;
  default?: unknown;
  /**
   * Response fields only: the request field this one mirrors in an error
   * response ("." is the request element itself, e.g. a topic name in a list
   * of names). See ./error-response.ts.
   */
  echo?: string;
};

export type ApiSchema = {
  apiKey: number;
  name: string;
  /** The versions this cluster serves and ApiVersions advertises: the only place they are written. */
  versions: string;
  /** Versions with compact lengths and tagged fields ("none" when there are none). */
  flexible: string;
  request: Field[];
  response: Field[];
};

type Options = { nullable?: string; tag?: number; default?: unknown; echo?: string };

/** One field, e.g. `f("ErrorCode", "int16", "0+")` or `f("Topics", [ ...fields ], "0+", { nullable: "1+" })`. */
export function f(name: string, type: Primitive | Field[] | { array: Primitive } | { struct: Field[] }, versions: string, options: Options = {}): Field {
  const fieldType: FieldType = Array.isArray(type) ? { array: type } : type;
  return { name, type: fieldType, versions, ...options };
}

/** An array of primitives, e.g. `arrayOf("int32")`. */
export function arrayOf(item: Primitive): { array: Primitive } {
  return { array: item };
}

/** A single nested struct (not an array). */
export function struct(fields: Field[]): { struct: Field[] } {
  return { struct: fields };
}

/** A version range as Kafka writes it: "0+", "3-5", "7", or "none". */
export type Range = { min: number; max: number };

export function parseRange(spec: string): Range {
  if (spec === "none") return { min: 1, max: 0 };
  const plus = /^(\d+)\+$/.exec(spec);
  if (plus) return { min: Number(plus[1]), max: Number.MAX_SAFE_INTEGER };
  const span = /^(\d+)-(\d+)$/.exec(spec);
  if (span) return { min: Number(span[1]), max: Number(span[2]) };
  if (/^\d+$/.test(spec)) return { min: Number(spec), max: Number(spec) };
  throw new Error(`bad version range ${JSON.stringify(spec)}`);
}

export function inRange(version: number, spec: string | undefined): boolean {
  if (spec === undefined) return false;
  const r = parseRange(spec);
  return version >= r.min && version <= r.max;
}

/** "GenerationId" → "generationId": Kafka's JSON name as a JavaScript property. */
export function propertyName(name: string): string {
  return name[0].toLowerCase() + name.slice(1);
}
