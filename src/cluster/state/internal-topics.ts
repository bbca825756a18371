// __consumer_offsets and __transaction_state as this cluster keeps them: only
// their partitions' placement, leaders and ISRs (the coordinators' state
// lives in journals, not in these logs, and Metadata does not list them).
// The coordinator of an id is the leader of the id's partition, so it moves
// only when that leader stops — as in Kafka.
import { coordinatorPartition, type CoordinatorKind } from "../coordination/placement";
import { initialLeadership, reelect } from "./leader-election";
import type { Leadership } from "./model";
import { assignReplicas } from "./topic-rules";

export type { CoordinatorKind };

export class InternalTopics {
  private readonly partitions: Record<CoordinatorKind, Leadership[]>;

  /** `counts`: offsets.topic.num.partitions and transaction.state.log.num.partitions; `replication`: their replication factors. */
  constructor(brokerIds: number[], counts: Record<CoordinatorKind, number>, replication: Record<CoordinatorKind, number>, isUp: (id: number) => boolean) {
    const place = (kind: CoordinatorKind) =>
      assignReplicas(brokerIds, 0, counts[kind], Math.min(replication[kind], brokerIds.length)).map((r) => initialLeadership(r, isUp));
    this.partitions = { group: place("group"), transaction: place("transaction") };
  }

  /** Re-elects leaders after broker `nodeId` stopped or started (never an unclean election). */
  brokerChanged(nodeId: number, up: boolean, isUp: (id: number) => boolean): void {
    for (const p of [...this.partitions.group, ...this.partitions.transaction]) reelect(p, nodeId, up, isUp, false);
  }

  /** The broker coordinating `key`, or undefined while its partition has no leader. */
  coordinator(key: string, kind: CoordinatorKind): number | undefined {
    const all = this.partitions[kind];
    const leader = all[coordinatorPartition(key, all.length)].leader;
    return leader < 0 ? undefined : leader;
  }
}
