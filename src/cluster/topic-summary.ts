// What the cluster tells about its topics outside the Kafka protocol: for
// tests and notebooks (`cluster.topics()`, offsets as bigint) and for the
// control endpoint (`GET /v1/topics`, JSON numbers).
import type { TopicInfo, TopicView } from "./faults/control";
import type { ClusterState } from "./state/cluster-state";

/** A topic as `cluster.topics()` shows it (see TopicInfo). */
export type TopicSummary = TopicInfo<bigint>;

export function summarize(state: ClusterState): TopicSummary[] {
  return [...state.topics.values()].map((t) => ({
    name: t.name,
    configs: { ...t.configs },
    partitions: t.partitions.map((p) => ({
      partition: p.index,
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      replicas: [...p.replicas],
      isr: [...p.isr],
      offlineReplicas: p.replicas.filter((r) => !state.broker(r)?.up),
      logStartOffset: p.log.logStartOffset,
      highWatermark: p.log.highWatermark,
      lastStableOffset: p.log.producers.lastStableOffset(p.log.highWatermark),
      size: p.log.size,
    })),
  }));
}

/** The same, JSON-ready (offsets as numbers: far below 2^53 in any lesson). */
export function topicViews(state: ClusterState): TopicView[] {
  return summarize(state).map((t) => ({
    ...t,
    partitions: t.partitions.map((p) => ({ ...p, logStartOffset: Number(p.logStartOffset), highWatermark: Number(p.highWatermark), lastStableOffset: Number(p.lastStableOffset) })),
  }));
}
