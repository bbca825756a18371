// ListOffsets (2). Timestamp -2 = earliest (log start offset), -1 =
// latest (the high watermark, or the last stable offset for READ_COMMITTED
// from v2), otherwise the first record whose timestamp is at or after the
// given one, found through the log's time index (batch max timestamps, only
// the batch that holds it decoded; any codec); offset -1 when there is none
// or it lies past what the isolation level may read. v0 answers with a list
// of "old style" offsets; v1+ with one offset and its timestamp.
import { ErrorCode, type ListOffsetsRequest, type ListOffsetsResponse } from "../protocol";
import { fetchLimits } from "../producers/isolation";
import type { PartitionLog } from "../log/partition-log";
import type { Handler, RequestContext } from "./handler";
import { leaderEpochError, leaderPartition } from "./partition-access";
import { Operation } from "./authorization";
import { listOffsets as schema } from "../protocol/schemas/list-offsets";

const LATEST = -1n;
const EARLIEST = -2n;

type PartitionAnswer = ListOffsetsResponse["topics"][number]["partitions"][number];

function answer(partitionIndex: number, errorCode: number, offset = -1n, timestamp = -1n): PartitionAnswer {
  return { partitionIndex, errorCode, oldStyleOffsets: offset >= 0n ? [offset] : [], timestamp, offset, leaderEpoch: -1 };
}

/** The last stable offset for READ_COMMITTED (v2+), else the high watermark. */
function readableEnd(log: PartitionLog, isolationLevel: number): bigint {
  return fetchLimits(log.producers, log.highWatermark, isolationLevel).maxOffset;
}

function lookup(ctx: RequestContext, isolationLevel: number, topic: string, req: ListOffsetsRequest["topics"][number]["partitions"][number]): PartitionAnswer {
  const p = leaderPartition(ctx, topic, req.partitionIndex, Operation.DESCRIBE);
  if (typeof p === "number") return answer(req.partitionIndex, p);
  const epochError = leaderEpochError(p, req.currentLeaderEpoch);
  if (epochError !== ErrorCode.NONE) return answer(req.partitionIndex, epochError);
  const log = p.log;
  const withEpoch = (a: PartitionAnswer) => ({ ...a, leaderEpoch: p.leaderEpoch });
  if (req.timestamp === EARLIEST) return withEpoch(answer(req.partitionIndex, ErrorCode.NONE, log.logStartOffset));
  if (req.timestamp === LATEST) return withEpoch(answer(req.partitionIndex, ErrorCode.NONE, readableEnd(log, isolationLevel)));
  // A record past what this isolation level may read is not returned (offset -1), as Kafka answers.
  const found = log.offsetForTimestamp(req.timestamp, readableEnd(log, isolationLevel));
  return found ? withEpoch(answer(req.partitionIndex, ErrorCode.NONE, found.offset, found.timestamp)) : withEpoch(answer(req.partitionIndex, ErrorCode.NONE));
}

export const listOffsets: Handler = {
  schema,
  handle(ctx, body: ListOffsetsRequest): ListOffsetsResponse {
    return {
      throttleTimeMs: 0,
      topics: body.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => lookup(ctx, body.isolationLevel, t.name, p)) })),
    };
  },
};
