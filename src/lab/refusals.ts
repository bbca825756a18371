// Showing that Kafka refuses something without throwing: in Jupyter a cell
// that throws halts Run All (tslab clears its execution queue after an
// error), so a lesson that demonstrates a refusal awaits it here, prints one
// readable line, and throws only when Kafka did *not* refuse as claimed.

/** What a refusal is expected to be; unset fields match anything. */
export type ExpectedRefusal = {
  /** The error's class name, e.g. "KafkaJSProtocolError". */
  name?: string;
  /** Kafka's error name, e.g. "INVALID_PARTITIONS" (kafkajs calls it `type`). */
  type?: string;
  /** Kafka's numeric error code, e.g. 37. */
  code?: number;
};

/** One error as a lesson shows it: class, Kafka error name and code, message. */
export type RefusalSummary = { name: string; type?: string; code?: number; message: string };

type Loose = { name?: unknown; type?: unknown; code?: unknown; message?: unknown; errors?: unknown; originalError?: unknown; cause?: unknown };

/** The error and the errors it wraps (kafkajs aggregates per-topic errors and wraps retried ones). */
export function errorChain(err: unknown): RefusalSummary[] {
  const out: RefusalSummary[] = [];
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== "object" || depth > 4) return;
    const x = e as Loose;
    out.push({
      name: typeof x.name === "string" ? x.name : "Error",
      ...(typeof x.type === "string" ? { type: x.type } : {}),
      ...(typeof x.code === "number" ? { code: x.code } : {}),
      message: typeof x.message === "string" ? x.message : String(e),
    });
    if (Array.isArray(x.errors)) for (const inner of x.errors) visit(inner, depth + 1);
    visit(x.originalError ?? x.cause, depth + 1);
  };
  visit(err, 0);
  return out;
}

const matches = (e: RefusalSummary, want: ExpectedRefusal) =>
  (want.name === undefined || e.name === want.name) && (want.type === undefined || e.type === want.type) && (want.code === undefined || e.code === want.code);

/** "KafkaJSProtocolError INVALID_PARTITIONS (code 37): Number of partitions is invalid" — no stack, no paths. */
export function describeRefusal(e: RefusalSummary): string {
  const kafka = e.type !== undefined ? ` ${e.type}${e.code !== undefined ? ` (code ${e.code})` : ""}` : e.code !== undefined ? ` (code ${e.code})` : "";
  return `${e.name}${kafka}: ${e.message.split("\n")[0]}`;
}

const wanted = (want: ExpectedRefusal) => [want.name, want.type, want.code !== undefined ? `code ${want.code}` : undefined].filter(Boolean).join(" ") || "any error";

/**
 * Awaits `action`, which must fail as `expected` says (the error itself or an
 * error it wraps), and prints "refused as expected: …" on one line. Throws —
 * failing the lesson — when the action succeeds or fails in another way.
 * Returns nothing, so a cell ending with it shows only that line.
 */
export async function expectRefusal(action: () => Promise<unknown>, expected: ExpectedRefusal = {}): Promise<void> {
  let thrown: unknown;
  try {
    await action();
  } catch (err) {
    thrown = err ?? new Error("rejected without a reason");
  }
  if (thrown === undefined) throw new Error(`✗ expected a refusal (${wanted(expected)}), but the operation succeeded`);
  const chain = errorChain(thrown);
  const hit = chain.find((e) => matches(e, expected));
  if (!hit) throw new Error(`✗ expected a refusal (${wanted(expected)}), but got: ${chain.map(describeRefusal).join(" ← ")}`);
  console.log(`✓ refused as expected: ${describeRefusal(hit)}`);
}
