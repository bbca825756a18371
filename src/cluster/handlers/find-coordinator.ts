// FindCoordinator, versions 0-3 (v4+ batches keys; not served).
// keyType 0 = consumer group, 1 = transactional id (v1+). The coordinator is
// the live broker the key hashes to, so groups and transactions spread over brokers.
import { Err } from "../groups/error-codes";
import type { CoordinatorHandler } from "./coordinator-context";

export const findCoordinator: CoordinatorHandler = {
  apiKey: 10,
  name: "FindCoordinator",
  minVersion: 0,
  maxVersion: 3,
  handle(ctx, body: { key: string; keyType?: number }) {
    const none = (errorCode: number, errorMessage: string) => ({ throttleTimeMs: 0, errorCode, errorMessage, nodeId: -1, host: "", port: -1 });
    if (body.keyType !== undefined && body.keyType !== 0 && body.keyType !== 1) return none(Err.INVALID_REQUEST, `unknown key type ${body.keyType}`);
    const nodeId = ctx.coordination.coordinatorFor(body.key);
    const address = nodeId === undefined ? undefined : ctx.brokerAddress(nodeId);
    if (nodeId === undefined || !address) return none(Err.COORDINATOR_NOT_AVAILABLE, "no broker is up");
    return { throttleTimeMs: 0, errorCode: Err.NONE, errorMessage: null, nodeId, host: address.host, port: address.port };
  },
};
