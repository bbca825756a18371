// Who may commit offsets to a classic group: Kafka's
// ClassicGroup.validateOffsetCommit (group-coordinator/.../classic/ClassicGroup.java,
// the same rules as 3.9's GroupCoordinator.validateOffsetCommit), pure.
// A commit naming no member and no generation (generation -1, member "")
// comes from an admin client, a consumer outside group management or — for
// a TxnOffsetCommit before v3, which carries neither — any transactional
// producer (kafkajs 2.2.4 sends v0-1): Kafka accepts it while the group is
// Empty, and a transactional one in every state but Dead.
import { ErrorCode } from "../protocol/errors";
import type { Group } from "./group";

export type CommitRequest = { generationId: number; memberId: string; transactional: boolean };

/**
 * The error that refuses a commit to `group` (undefined: no such group),
 * NONE to accept it, or "create" for a group that does not exist and a
 * commit outside any generation: Kafka then creates it, Empty
 * (OffsetMetadataManager.validateOffsetCommit / validateTransactionalOffsetCommit).
 */
export function commitVerdict(group: Group | undefined, r: CommitRequest): number | "create" {
  if (!group) return r.generationId < 0 ? "create" : ErrorCode.ILLEGAL_GENERATION;
  if (group.state === "Dead") return ErrorCode.COORDINATOR_NOT_AVAILABLE;
  if (r.generationId < 0 && group.state === "Empty") return ErrorCode.NONE;
  if (r.generationId >= 0 || r.memberId !== "") {
    if (!group.members.has(r.memberId)) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (r.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
  } else if (!r.transactional) {
    // Outside a generation, only an Empty group takes plain commits.
    return ErrorCode.UNKNOWN_MEMBER_ID;
  }
  // A member that joined but has no assignment yet retries once the rebalance is over;
  // transactional commits do not wait for the group.
  if (!r.transactional && group.state === "CompletingRebalance") return ErrorCode.REBALANCE_IN_PROGRESS;
  return ErrorCode.NONE;
}
