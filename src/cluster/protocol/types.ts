// Typed request and response bodies of the APIs whose handlers live in the
// broker core (the coordinator handlers declare their own). Field names are
// Kafka's with the first letter lower-cased; fields a version lacks hold
// their defaults when decoded and may be omitted when encoding.

export type ApiVersionsResponse = {
  errorCode: number;
  apiKeys: { apiKey: number; minVersion: number; maxVersion: number }[];
  throttleTimeMs?: number;
};

export type MetadataRequest = {
  topics: { name: string | null }[] | null;
  allowAutoTopicCreation: boolean;
  includeClusterAuthorizedOperations?: boolean;
  includeTopicAuthorizedOperations?: boolean;
};
export type MetadataResponse = {
  throttleTimeMs?: number;
  brokers: { nodeId: number; host: string; port: number; rack?: string | null }[];
  clusterId?: string | null;
  controllerId?: number;
  topics: {
    errorCode: number;
    name: string;
    isInternal?: boolean;
    partitions: {
      errorCode: number;
      partitionIndex: number;
      leaderId: number;
      leaderEpoch?: number;
      replicaNodes: number[];
      isrNodes: number[];
      offlineReplicas?: number[];
    }[];
    topicAuthorizedOperations?: number;
  }[];
  clusterAuthorizedOperations?: number;
};

export type ProduceRequest = {
  transactionalId: string | null;
  acks: number;
  timeoutMs: number;
  topicData: { name: string; partitionData: { index: number; records: Buffer | null }[] }[];
};
export type ProduceResponse = {
  responses: {
    name: string;
    partitionResponses: {
      index: number;
      errorCode: number;
      baseOffset: bigint;
      logAppendTimeMs?: bigint;
      logStartOffset?: bigint;
      recordErrors?: { batchIndex: number; batchIndexErrorMessage: string | null }[];
      errorMessage?: string | null;
    }[];
  }[];
  throttleTimeMs?: number;
};

export type FetchRequest = {
  replicaId: number;
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  isolationLevel: number;
  sessionId: number;
  sessionEpoch: number;
  topics: {
    topic: string;
    partitions: { partition: number; currentLeaderEpoch: number; fetchOffset: bigint; logStartOffset: bigint; partitionMaxBytes: number }[];
  }[];
  forgottenTopicsData: { topic: string; partitions: number[] }[];
  rackId: string;
};
export type FetchResponse = {
  throttleTimeMs?: number;
  errorCode?: number;
  sessionId?: number;
  responses: {
    topic: string;
    partitions: {
      partitionIndex: number;
      errorCode: number;
      highWatermark: bigint;
      lastStableOffset?: bigint;
      logStartOffset?: bigint;
      abortedTransactions?: { producerId: bigint; firstOffset: bigint }[] | null;
      preferredReadReplica?: number;
      records: Buffer | null;
    }[];
  }[];
};

export type ListOffsetsRequest = {
  replicaId: number;
  isolationLevel: number;
  topics: { name: string; partitions: { partitionIndex: number; currentLeaderEpoch: number; timestamp: bigint; maxNumOffsets: number }[] }[];
};
export type ListOffsetsResponse = {
  throttleTimeMs?: number;
  topics: {
    name: string;
    partitions: { partitionIndex: number; errorCode: number; oldStyleOffsets?: bigint[]; timestamp?: bigint; offset?: bigint; leaderEpoch?: number }[];
  }[];
};

export type CreateTopicsRequest = {
  topics: {
    name: string;
    numPartitions: number;
    replicationFactor: number;
    assignments: { partitionIndex: number; brokerIds: number[] }[];
    configs: { name: string; value: string | null }[];
  }[];
  timeoutMs: number;
  validateOnly: boolean;
};
export type CreateTopicsResponse = {
  throttleTimeMs?: number;
  topics: { name: string; errorCode: number; errorMessage?: string | null }[];
};

export type DeleteTopicsRequest = { topicNames: string[]; timeoutMs: number };
export type DeleteTopicsResponse = { throttleTimeMs?: number; responses: { name: string; errorCode: number }[] };

export type CreatePartitionsRequest = {
  topics: { name: string; count: number; assignments: { brokerIds: number[] }[] | null }[];
  timeoutMs: number;
  validateOnly: boolean;
};
export type CreatePartitionsResponse = {
  throttleTimeMs: number;
  results: { name: string; errorCode: number; errorMessage?: string | null }[];
};

export type DescribeConfigsRequest = {
  resources: { resourceType: number; resourceName: string; configurationKeys: string[] | null }[];
  includeSynonyms: boolean;
  includeDocumentation?: boolean;
};
export type DescribeConfigsResponse = {
  throttleTimeMs: number;
  results: {
    errorCode: number;
    errorMessage?: string | null;
    resourceType: number;
    resourceName: string;
    configs: {
      name: string;
      value: string | null;
      readOnly: boolean;
      isDefault?: boolean;
      configSource?: number;
      isSensitive: boolean;
      synonyms?: { name: string; value: string | null; source: number }[];
      configType?: number;
      documentation?: string | null;
    }[];
  }[];
};

/** IncrementalAlterConfigs (with ConfigOperation) and AlterConfigs (without). */
export type AlterConfigsRequest = {
  resources: { resourceType: number; resourceName: string; configs: { name: string; configOperation?: number; value: string | null }[] }[];
  validateOnly: boolean;
};
export type AlterConfigsResponse = {
  throttleTimeMs: number;
  responses: { errorCode: number; errorMessage: string | null; resourceType: number; resourceName: string }[];
};

export type DeleteRecordsRequest = { topics: { name: string; partitions: { partitionIndex: number; offset: bigint }[] }[]; timeoutMs: number };
export type DeleteRecordsResponse = {
  throttleTimeMs: number;
  topics: { name: string; partitions: { partitionIndex: number; lowWatermark: bigint; errorCode: number }[] }[];
};

