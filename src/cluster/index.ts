// The embedded Kafka-compatible cluster: `startCluster` and what it returns.
export { startCluster, type Cluster, type ClusterOptions, type TopicSummary } from "./cluster";
export { connectFaultControl, type FaultControl, type FaultRule, type FaultRuleSpec, type FaultTarget, type ProducedBatch } from "./faults";
export { ErrorCode } from "./protocol/errors";
