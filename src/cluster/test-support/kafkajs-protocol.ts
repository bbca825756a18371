// kafkajs 2.2's own protocol modules (request encoders, response decoders),
// for tests that need real client bytes.
import { createRequire } from "node:module";

const load = createRequire(__filename);

/** A module under kafkajs/src/protocol, e.g. "requests/produce/v7/request". */
export const kafkajsProtocol = (path: string) => load(`kafkajs/src/protocol/${path}`);
/** kafkajs's Long (int64) type. */
export const Long = load("kafkajs/src/utils/long");

/** The whole frame kafkajs would send for `request`, including the size prefix. */
export async function kafkajsRequestFrame(request: unknown, correlationId: number, clientId = "kafkajs-test"): Promise<Buffer> {
  return (await kafkajsProtocol("request")({ correlationId, clientId, request })).buffer;
}
