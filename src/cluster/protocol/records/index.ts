export { crc32c } from "./crc32c";
export { BATCH_HEADER_BYTES, BatchField, LOG_OVERHEAD, readBatchHeader, sealBatch, setBaseOffset, splitBatches, verifyBatchCrc, type BatchHeader } from "./batch";
export { CODEC_NAMES, decompress, MAX_DECOMPRESSED_BYTES } from "./compression";
export {
  controlMarkerOf, decodeRecords, encodeControlRecord, encodeRecordBatch, readRecord, recordsPayload,
  type DecodedRecord, type NewBatch, type NewRecord, type RecordHeader, type StoredRecord,
} from "./records";
