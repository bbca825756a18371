// The cluster metadata that survives a restart (./storage: topics.json), to
// and from the live model: replicas, leaders and leader epochs (a client that
// cached an epoch must not see it go back), ISRs, log start offsets moved by
// DeleteRecords, topic configs, dynamic broker configs and the ACLs.
import type { AclBinding } from "../acls/model";
import type { ClusterConfigs } from "../configs/store";
import type { StoredMetadata, StoredPartition } from "../storage/storage";
import { recoverLeadership } from "./leader-election";
import type { Leadership, Topic } from "./model";

export function toStored(topics: Iterable<Topic>, configs: ClusterConfigs, acls: readonly AclBinding[] = []): StoredMetadata {
  return {
    topics: [...topics].map((t) => ({
      name: t.name,
      configs: t.configs,
      partitions: t.partitions.map((p) => ({
        replicas: p.replicas, leader: p.leader, leaderEpoch: p.leaderEpoch, isr: p.isr, logStartOffset: String(p.log.logStartOffset),
        ...(p.addingReplicas && { addingReplicas: p.addingReplicas, removingReplicas: p.removingReplicas }),
      })),
    })),
    brokerConfigs: configs.dynamicSnapshot(),
    acls: acls.map((a) => ({ ...a })),
  };
}

/** A stored partition's leadership once the brokers are back: the same leader and epoch when it is live, else a clean election. */
export function storedLeadership(stored: StoredPartition, isUp: (nodeId: number) => boolean): Leadership {
  return recoverLeadership({
    replicas: stored.replicas,
    leader: stored.leader ?? -1,
    leaderEpoch: stored.leaderEpoch ?? 0,
    isr: stored.isr && stored.isr.length > 0 ? stored.isr : stored.replicas,
    ...(stored.addingReplicas && { addingReplicas: stored.addingReplicas, removingReplicas: stored.removingReplicas ?? [] }),
  }, isUp);
}
