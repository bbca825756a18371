/**
 * What the coordinators write ahead of answering a client: an append-only
 * list of JSON-able records, read back whole on start and rewritten from a
 * snapshot now and then. The file-backed implementation is
 * ../storage/journal-file.ts; without a data directory there is none.
 */
export interface Journal {
  /** Every intact record found when the journal was opened. */
  readonly records: readonly unknown[];
  /** Appends one record; returns how many appends happened since the last compaction. */
  append(record: unknown): number;
  /** Replaces the whole journal with `records` (the live state), atomically. */
  compact(records: unknown[]): void;
  close(): void;
}

/** JSON that keeps bigints (offsets) and Buffers (group metadata) intact. */
export function encodeJournalRecord(value: unknown): string {
  return JSON.stringify(value, function (this: { [key: string]: unknown }, key, v) {
    const raw = this[key];
    if (Buffer.isBuffer(raw)) return { $b64: raw.toString("base64") };
    if (typeof raw === "bigint") return { $big: raw.toString() };
    return v;
  });
}

export function decodeJournalRecord(text: string): unknown {
  return JSON.parse(text, (_key, v) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      if (typeof v.$b64 === "string") return Buffer.from(v.$b64, "base64");
      if (typeof v.$big === "string") return BigInt(v.$big);
    }
    return v;
  });
}
