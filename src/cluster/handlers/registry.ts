// Every API the broker answers, by key. Each handler brings its schema, so
// this list is the only thing to extend for a new API; registry.test.ts
// checks that it covers every schema and that ApiVersions advertises exactly
// what is served.
import type { Handler } from "./handler";
import { addOffsetsToTxn } from "./add-offsets-to-txn";
import { addPartitionsToTxn } from "./add-partitions-to-txn";
import { alterConfigs } from "./alter-configs";
import { apiVersions } from "./api-versions";
import { createAcls } from "./create-acls";
import { createPartitions } from "./create-partitions";
import { createTopics } from "./create-topics";
import { deleteAcls } from "./delete-acls";
import { deleteGroups } from "./delete-groups";
import { deleteRecords } from "./delete-records";
import { deleteTopics } from "./delete-topics";
import { describeAcls } from "./describe-acls";
import { describeCluster } from "./describe-cluster";
import { describeConfigs } from "./describe-configs";
import { describeGroups } from "./describe-groups";
import { endTxn } from "./end-txn";
import { fetch } from "./fetch";
import { findCoordinator } from "./find-coordinator";
import { heartbeat } from "./heartbeat";
import { incrementalAlterConfigs } from "./incremental-alter-configs";
import { initProducerId } from "./init-producer-id";
import { joinGroup } from "./join-group";
import { leaveGroup } from "./leave-group";
import { listGroups } from "./list-groups";
import { listOffsets } from "./list-offsets";
import { metadata } from "./metadata";
import { offsetCommit } from "./offset-commit";
import { offsetFetch } from "./offset-fetch";
import { produce } from "./produce";
import { saslAuthenticate } from "./sasl-authenticate";
import { saslHandshake } from "./sasl-handshake";
import { syncGroup } from "./sync-group";
import { txnOffsetCommit } from "./txn-offset-commit";
import { offsetDelete } from "./offset-delete";
import { describeProducers } from "./describe-producers";
import { describeTransactions } from "./describe-transactions";
import { listTransactions } from "./list-transactions";
import { electLeaders } from "./elect-leaders";
import { alterPartitionReassignments } from "./alter-partition-reassignments";
import { listPartitionReassignments } from "./list-partition-reassignments";

const all: Handler[] = [
  describeAcls, createAcls, deleteAcls, describeCluster,
  produce, fetch, listOffsets, metadata, offsetCommit, offsetFetch, findCoordinator, joinGroup, heartbeat,
  leaveGroup, syncGroup, describeGroups, listGroups, saslHandshake, apiVersions, createTopics, deleteTopics,
  initProducerId, addPartitionsToTxn, addOffsetsToTxn, endTxn, txnOffsetCommit, describeConfigs,
  createPartitions, deleteGroups, deleteRecords, alterConfigs, incrementalAlterConfigs, saslAuthenticate,
  alterPartitionReassignments, listPartitionReassignments, electLeaders, offsetDelete, describeProducers,
  describeTransactions, listTransactions,
];

export const handlers: ReadonlyMap<number, Handler> = new Map(all.map((h) => [h.schema.apiKey, h]));
