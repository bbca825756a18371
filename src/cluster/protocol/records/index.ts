export { crc32c } from "./crc32c";
export { BATCH_HEADER_BYTES, BatchField, LOG_OVERHEAD, readBatchHeader, setBaseOffset, splitBatches, verifyBatchCrc, type BatchHeader } from "./batch";
export { controlMarkerOf, decodeRecords, encodeControlRecord, encodeRecordBatch, type DecodedRecord, type NewBatch, type NewRecord, type RecordHeader } from "./records";
