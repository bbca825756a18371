// The embedded Kafka-compatible cluster: `startCluster` (Node: TCP listeners
// and the control endpoint) on top of `createCluster` (no network, no files:
// a browser can run it), and the transport seam between them.
export { startCluster, type Cluster, type ClusterOptions, type TlsIdentity } from "./cluster";
export { SASL_MECHANISMS, checkSaslOptions, type SaslMechanism, type SaslOptions } from "./sasl";
export { CLUSTER_DEFECTS, type ClusterDefect } from "./defects";
export { createCluster, type ClusterCore, type ClusterCoreOptions, type TopicSummary } from "./core";
export { createMemoryPipe, type MemoryClient, type Transport } from "./server/transport";
export { openRequestClient, type RequestClient } from "./client/request-client";
export { encodeRecordBatch, type NewBatch } from "./protocol/records";
export { connectFaultControl, type FaultControl, type FaultRule, type FaultRuleSpec, type FaultTarget, type ProducedBatch, type TopicInfo, type TopicView } from "./faults";
export { ErrorCode } from "./protocol/errors";
