// Every API the broker answers, by key: the broker-core handlers plus the
// coordinator handlers (groups, offsets, transactions) adapted to the
// broker's context. Each handler's versions must match what ApiVersions
// advertises (checked in registry.test.ts).
import { ErrorCode } from "../protocol";
import type { CoordinatorHandler } from "./coordinator-context";
import { coordinatorHandlers } from "./coordinator-handlers";
import type { BrokerContext, Handler } from "./context";
import { apiVersions } from "./api-versions";
import { createPartitions } from "./create-partitions";
import { createTopics } from "./create-topics";
import { deleteTopics } from "./delete-topics";
import { describeConfigs } from "./describe-configs";
import { fetch } from "./fetch";
import { listOffsets } from "./list-offsets";
import { metadata } from "./metadata";
import { produce } from "./produce";
import { saslHandshake } from "./sasl-handshake";

function adapt(h: CoordinatorHandler): Handler {
  return {
    apiKey: h.apiKey,
    name: h.name,
    minVersion: h.minVersion,
    maxVersion: h.maxVersion,
    handle: (ctx: BrokerContext, body: unknown) =>
      h.handle(
        {
          nodeId: ctx.nodeId,
          apiVersion: ctx.header.apiVersion,
          clientId: ctx.header.clientId,
          clientHost: ctx.clientHost,
          coordination: ctx.coordination,
          brokerAddress: (id) => {
            const b = ctx.state.broker(id);
            return b && b.up ? { host: b.host, port: b.port } : undefined;
          },
          partitionExists: (topic, partition) => ctx.state.partition(topic, partition) !== undefined,
        },
        body,
      ),
    // Coordinator responses carry a top-level error code (or, for offset and
    // transaction APIs, per partition — clients honour the top-level one first).
    errorResponse: (body: any, errorCode) => coordinatorError(h.apiKey, body, errorCode),
  };
}

/** A whole-request failure for the coordinator APIs, shaped as each response expects. */
function coordinatorError(apiKey: number, body: any, errorCode: number): unknown {
  const perPartition = (topics: { name: string; partitions: any[] }[]) =>
    topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partitionIndex: typeof p === "number" ? p : p.partitionIndex, errorCode, committedOffset: -1n, metadata: null })),
    }));
  switch (apiKey) {
    case 8: // OffsetCommit
    case 28: // TxnOffsetCommit
      return { throttleTimeMs: 0, topics: perPartition(body.topics) };
    case 9: // OffsetFetch
      return { throttleTimeMs: 0, errorCode, topics: (body.topics ?? []).map((t: any) => ({ name: t.name, partitions: t.partitionIndexes.map((partitionIndex: number) => ({ partitionIndex, committedOffset: -1n, metadata: null, errorCode })) })) };
    case 24: // AddPartitionsToTxn
      return { throttleTimeMs: 0, results: body.topics.map((t: any) => ({ name: t.name, results: t.partitions.map((partitionIndex: number) => ({ partitionIndex, errorCode })) })) };
    case 15: // DescribeGroups
      return { throttleTimeMs: 0, groups: body.groups.map((groupId: string) => ({ errorCode, groupId, groupState: "", protocolType: "", protocolData: "", members: [] })) };
    case 42: // DeleteGroups
      return { throttleTimeMs: 0, results: body.groupsNames.map((groupId: string) => ({ groupId, errorCode })) };
    default:
      return { throttleTimeMs: 0, errorCode, generationId: -1, memberId: body.memberId ?? "", leader: "", members: [], assignment: Buffer.alloc(0), producerId: -1n, producerEpoch: -1, nodeId: -1, host: "", port: -1 };
  }
}

const core: Handler[] = [produce, fetch, listOffsets, metadata, apiVersions, saslHandshake, createTopics, deleteTopics, createPartitions, describeConfigs];

export const handlers: ReadonlyMap<number, Handler> = new Map(
  [...core, ...coordinatorHandlers.map(adapt)].map((h) => [h.apiKey, h]),
);

/** The answer that fails a whole request with `errorCode` (fault injection, or a handler that threw). */
export function errorResponseFor(handler: Handler, body: unknown, errorCode: number = ErrorCode.UNKNOWN_SERVER_ERROR): unknown {
  return handler.errorResponse ? handler.errorResponse(body, errorCode) : { throttleTimeMs: 0, errorCode };
}
