// The Kafka wire codec: schema-described APIs (./schemas), one generic
// encoder/decoder (./codec), frames with headers (./messages) and record
// batches v2 (./records).
export { ErrorCode, errorName, isRetriable, ProtocolError, type ErrorCodeName, type RequestHeader } from "./errors";
export { ApiKey, SUPPORTED_VERSIONS, apiName, decodeRequest, decodeResponse, encodeRequest, encodeResponse } from "./messages";
export * from "./records";
export type * from "./types";
