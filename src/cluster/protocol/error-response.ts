// The response that fails a whole request with one error code, derived from
// the API's response schema — as Kafka's `AbstractRequest.getErrorResponse`
// does for every request type — so neither the connection loop nor a handler
// writes one by hand. The rule: every field named ErrorCode carries the
// code; a field marked `echo` mirrors the request (a topic list answered
// topic by topic, a partition by its index); every other field takes its
// default.
import { inRange, propertyName, type ApiSchema, type Field } from "./schema";

type Loose = { [key: string]: unknown };

/** The error response body for `request` (a decoded request body) at `version`. */
export function errorResponse(schema: ApiSchema, version: number, request: unknown, errorCode: number): Loose {
  return build(schema.response, version, request, errorCode);
}

function build(fields: Field[], version: number, request: unknown, errorCode: number): Loose {
  const out: Loose = {};
  for (const field of fields) {
    if (!inRange(version, field.versions)) continue;
    const prop = propertyName(field.name);
    if (field.name === "ErrorCode") out[prop] = errorCode;
    else if (field.echo !== undefined) out[prop] = mirror(field, version, request, errorCode);
  }
  return out;
}

function mirror(field: Field, version: number, request: unknown, errorCode: number): unknown {
  const source = field.echo === "." ? request : (request as Loose | null)?.[propertyName(field.echo!)];
  const t = field.type;
  if (typeof t === "object" && "array" in t && Array.isArray(t.array)) {
    const items = t.array;
    return Array.isArray(source) ? source.map((element) => build(items, version, element, errorCode)) : [];
  }
  return source;
}
