import type { CoordinatorHandler } from "./coordinator-context";
import { addOffsetsToTxn } from "./add-offsets-to-txn";
import { addPartitionsToTxn } from "./add-partitions-to-txn";
import { deleteGroups } from "./delete-groups";
import { describeGroups } from "./describe-groups";
import { endTxn } from "./end-txn";
import { findCoordinator } from "./find-coordinator";
import { heartbeat } from "./heartbeat";
import { initProducerId } from "./init-producer-id";
import { joinGroup } from "./join-group";
import { leaveGroup } from "./leave-group";
import { listGroups } from "./list-groups";
import { offsetCommit } from "./offset-commit";
import { offsetFetch } from "./offset-fetch";
import { syncGroup } from "./sync-group";
import { txnOffsetCommit } from "./txn-offset-commit";

/** The group, offset and transaction APIs, for the registry to adapt and register. */
export const coordinatorHandlers: CoordinatorHandler[] = [
  findCoordinator, joinGroup, syncGroup, heartbeat, leaveGroup, offsetCommit, offsetFetch,
  describeGroups, listGroups, deleteGroups, initProducerId, addPartitionsToTxn, addOffsetsToTxn,
  endTxn, txnOffsetCommit,
];
