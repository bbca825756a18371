// The border in front of every partition log: a partition's records from a
// Produce request are checked here, whole, before anything is appended, and
// the log then trusts what it is given (Kafka: ProduceRequest.validateRecords,
// UnifiedLog.analyzeAndValidateRecords and LogValidator, in that order, each
// answering with the error code used here). A ValidBatch can only come from
// this file, so an unchecked batch cannot reach `PartitionLog.append`.
import {
  BATCH_HEADER_BYTES, BatchField, CODEC_NAMES, ErrorCode, LOG_OVERHEAD, ProtocolError, readBatchHeader, readRecord, recordsPayload,
  verifyBatchCrc, type BatchHeader,
} from "../protocol";
import { Reader } from "../protocol/primitives";

declare const validated: unique symbol;

/**
 * One record batch that passed validation: the only kind the partition log
 * appends. `maxTimestamp` is its records' largest timestamp, which the log
 * writes into the header when the client's is wrong, as Kafka does.
 */
export type ValidBatch = { readonly header: BatchHeader; readonly bytes: Buffer; readonly maxTimestamp: bigint; readonly [validated]: true };

/** Why a partition's records were refused: Kafka's error code, its message, and the records at fault (Produce v8+). */
export type Refusal = { errorCode: number; message: string; recordErrors: { batchIndex: number; batchIndexErrorMessage: string | null }[] };

/** Who wrote a batch: a client (Produce), or the transaction coordinator (a commit/abort marker). */
export type AppendOrigin = "client" | "coordinator";

const ZSTD = 4;
/** The first Produce version allowed to carry zstd batches (KIP-110). */
const FIRST_ZSTD_PRODUCE = 7;

const refuse = (errorCode: number, message: string, recordErrors: Refusal["recordErrors"] = []): Refusal => ({ errorCode, message, recordErrors });

/** Whether `checked` is a batch rather than a refusal. */
export function isValid(checked: ValidBatch | Refusal): checked is ValidBatch {
  return "bytes" in checked;
}

/**
 * Checks the `records` of one partition of a Produce request (or a marker the
 * coordinator built): exactly one v2 batch, intact (CRC-32C), within
 * `maxMessageBytes`, whose header agrees with its records. Returns the batch
 * or the refusal to answer with.
 */
export function validateBatch(records: Buffer | null, options: { origin: AppendOrigin; apiVersion: number; maxMessageBytes: number }): ValidBatch | Refusal {
  if (!records || records.length === 0) return refuse(ErrorCode.INVALID_RECORD, "Produce v3+ needs one record batch per partition; this partition has none");
  if (records.length > BatchField.magic && records[BatchField.magic] !== 2) {
    return refuse(ErrorCode.INVALID_RECORD, `Produce v3+ carries record batches of magic 2 only, not magic ${records.readInt8(BatchField.magic)}`);
  }
  if (records.length < BATCH_HEADER_BYTES) return refuse(ErrorCode.CORRUPT_MESSAGE, `a record batch needs at least ${BATCH_HEADER_BYTES} bytes; this one has ${records.length}`);
  const size = LOG_OVERHEAD + records.readInt32BE(BatchField.batchLength);
  if (size < BATCH_HEADER_BYTES || size > records.length) {
    return refuse(ErrorCode.CORRUPT_MESSAGE, `the record batch declares ${size} bytes but ${records.length} were sent`);
  }
  const header = readBatchHeader(records);
  if (header.compression === ZSTD && options.apiVersion < FIRST_ZSTD_PRODUCE) {
    return refuse(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, `zstd needs Produce v${FIRST_ZSTD_PRODUCE} or later (this request is v${options.apiVersion})`);
  }
  if (size < records.length) return refuse(ErrorCode.INVALID_RECORD, `Produce v3+ carries exactly one record batch per partition; ${records.length - size} more bytes follow it`);
  return validateHeader(records, header, options) ?? validateRecords(records, header);
}

/** Validates a batch the cluster built itself (a transaction marker); throws when it is not valid, which is a bug. */
export function builtBatch(bytes: Buffer, origin: AppendOrigin = "coordinator"): ValidBatch {
  const checked = validateBatch(bytes, { origin, apiVersion: FIRST_ZSTD_PRODUCE, maxMessageBytes: Number.MAX_SAFE_INTEGER });
  if (!isValid(checked)) throw new Error(`an internally built batch is invalid: ${checked.message}`);
  return checked;
}

function validateHeader(bytes: Buffer, h: BatchHeader, options: { origin: AppendOrigin; maxMessageBytes: number }): Refusal | undefined {
  const client = options.origin === "client";
  if (client && h.baseOffset !== 0n) return refuse(ErrorCode.INVALID_RECORD, `a produced batch's base offset must be 0, not ${h.baseOffset} (the broker assigns offsets)`);
  if (bytes.length > options.maxMessageBytes) {
    return refuse(ErrorCode.MESSAGE_TOO_LARGE, `the record batch is ${bytes.length} bytes, more than max.message.bytes ${options.maxMessageBytes}`);
  }
  if (!verifyBatchCrc(bytes)) return refuse(ErrorCode.CORRUPT_MESSAGE, `record batch CRC ${h.crc} does not match its contents`);
  if (CODEC_NAMES[h.compression] === undefined) return refuse(ErrorCode.INVALID_RECORD, `unknown compression codec ${h.compression} (Kafka knows 0-4)`);
  if (h.lastOffsetDelta < 0) return refuse(ErrorCode.INVALID_RECORD, `the batch's offset range [0, ${h.lastOffsetDelta}] is empty (lastOffsetDelta ${h.lastOffsetDelta})`);
  if (h.recordCount <= 0) return refuse(ErrorCode.INVALID_RECORD, `the batch declares ${h.recordCount} records`);
  if (h.lastOffsetDelta + 1 !== h.recordCount) {
    return refuse(ErrorCode.INVALID_RECORD, `the batch's offset range [0, ${h.lastOffsetDelta}] does not match its record count ${h.recordCount}`);
  }
  if (client && h.isControl) return refuse(ErrorCode.INVALID_RECORD, "clients may not write control batches (transaction markers)");
  if (client && h.producerId >= 0n && h.baseSequence < 0) return refuse(ErrorCode.INVALID_RECORD, `sequence ${h.baseSequence} is invalid for a batch of producer ${h.producerId}`);
  return undefined;
}

/** The records must be exactly as many as declared, each well formed, with offset deltas 0, 1, 2, … */
function validateRecords(bytes: Buffer, h: BatchHeader): ValidBatch | Refusal {
  let payload: Buffer;
  try {
    payload = recordsPayload(bytes, h);
  } catch (err) {
    if (err instanceof ProtocolError) return refuse(ErrorCode.CORRUPT_MESSAGE, err.message);
    throw err;
  }
  const r = new Reader(payload);
  const misplaced: Refusal["recordErrors"] = [];
  let count = 0;
  let maxTimestamp = -1n;
  try {
    for (; r.remaining > 0; count++) {
      if (count === h.recordCount) return refuse(ErrorCode.INVALID_RECORD, `the batch holds more than the ${h.recordCount} records it declares`);
      const { offsetDelta, timestampDelta } = readRecord(r);
      if (h.baseTimestamp + timestampDelta > maxTimestamp) maxTimestamp = h.baseTimestamp + timestampDelta;
      if (offsetDelta !== count) misplaced.push({ batchIndex: count, batchIndexErrorMessage: `record ${count} has offset delta ${offsetDelta}` });
    }
  } catch (err) {
    if (err instanceof ProtocolError) return refuse(ErrorCode.INVALID_RECORD, `record ${count} is malformed: ${err.message}`);
    throw err;
  }
  if (count < h.recordCount) return refuse(ErrorCode.INVALID_RECORD, `the batch holds ${count} records, not the ${h.recordCount} it declares`);
  if (misplaced.length > 0) {
    return refuse(ErrorCode.INVALID_RECORD, `offset deltas must run 0 to ${h.recordCount - 1}: ${misplaced.slice(0, 3).map((e) => e.batchIndexErrorMessage).join("; ")}`, misplaced);
  }
  return { header: h, bytes, maxTimestamp } as ValidBatch;
}
