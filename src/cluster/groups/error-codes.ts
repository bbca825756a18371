/**
 * The Kafka error codes the coordinators answer with. One table for the
 * whole cluster: `ErrorCode` in the protocol's errors.ts, which has no
 * dependencies, so this pure logic stays free of the codec.
 */
export { ErrorCode as Err } from "../protocol/errors";
