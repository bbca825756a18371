export { crc32c } from "./crc32c";
export { BATCH_HEADER_BYTES, readBatchHeader, setBaseOffset, splitBatches, verifyBatchCrc, type BatchHeader } from "./batch";
export { decodeRecords, encodeControlRecord, encodeRecordBatch, type NewBatch, type NewRecord, type Record, type RecordHeader } from "./records";
