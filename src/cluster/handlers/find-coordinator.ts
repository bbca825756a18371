// FindCoordinator (v4+, which batches keys, is not served).
// keyType 0 = consumer group, 1 = transactional id (v1+). The coordinator is
// the leader of the key's __consumer_offsets / __transaction_state partition
// (../coordination/placement.ts), so it moves only when that broker stops.
import { ErrorCode } from "../protocol/errors";
import { liveBrokerAddress } from "./coordinator-checks";
import type { Handler } from "./handler";
import { findCoordinator as schema } from "../protocol/schemas/find-coordinator";
import { onGroup, onTransactionalId, Operation } from "./authorization";

export const findCoordinator: Handler = {
  schema,
  requires: (body: { key: string; keyType?: number }) => [body.keyType === 1 ? onTransactionalId(Operation.DESCRIBE, body.key) : onGroup(Operation.DESCRIBE, body.key)],
  handle(ctx, body: { key: string; keyType?: number }) {
    const none = (errorCode: number, errorMessage: string) => ({ throttleTimeMs: 0, errorCode, errorMessage, nodeId: -1, host: "", port: -1 });
    if (body.keyType !== undefined && body.keyType !== 0 && body.keyType !== 1) return none(ErrorCode.INVALID_REQUEST, `unknown key type ${body.keyType}`);
    const nodeId = ctx.coordination.coordinatorFor(body.key, body.keyType === 1 ? "transaction" : "group");
    const address = nodeId === undefined ? undefined : liveBrokerAddress(ctx, nodeId);
    if (nodeId === undefined || !address) return none(ErrorCode.COORDINATOR_NOT_AVAILABLE, "no broker is up");
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, nodeId, host: address.host, port: address.port };
  },
};
