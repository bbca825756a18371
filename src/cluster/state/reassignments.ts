// The reassignments in progress and their clock: a partition's added replicas
// "catch up" `delayMs` after the reassignment starts (replication is
// in-process, so the delay only makes the in-progress state observable, as
// copying a real log takes time), then the reassignment completes if every
// target replica is live. The rules themselves are in ./reassignment.ts.
import { ErrorCode } from "../protocol/errors";
import type { Partition } from "./model";
import { cancelReassignment, catchUp, completeIfCaughtUp, invalidAssignment, isReassigning, startReassignment } from "./reassignment";
import { TopicError } from "./topic-errors";

export type Schedule = (ms: number, fn: () => void) => () => void;

export class Reassignments {
  /** Partitions whose added replicas have not caught up yet, with the timer that makes them. */
  private readonly catchingUp = new Map<Partition, () => void>();

  constructor(
    private readonly schedule: Schedule | undefined,
    private readonly delayMs: number,
    private readonly isUp: (nodeId: number) => boolean,
    /** Called after a timer changed a partition (to save the metadata). */
    private readonly changed: () => void,
  ) {}

  /** Starts, replaces or (target null) cancels a partition's reassignment; throws TopicError as Kafka's controller refuses. */
  alter(p: Partition, target: number[] | null, brokerIds: number[], uncleanAllowed: boolean): void {
    if (target === null) {
      if (!isReassigning(p)) throw new TopicError(ErrorCode.NO_REASSIGNMENT_IN_PROGRESS, "No partition reassignment is in progress.");
      const refused = cancelReassignment(p, this.isUp, uncleanAllowed);
      if (refused) throw new TopicError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Unable to revert partition assignment because ${refused}`);
      this.forget(p);
      return;
    }
    const invalid = invalidAssignment(target, brokerIds);
    if (invalid) throw new TopicError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, invalid);
    this.forget(p);
    startReassignment(p, target, this.isUp);
    if (isReassigning(p)) this.scheduleCatchUp(p);
  }

  /** A reassignment read back from storage starts catching up again. */
  resume(p: Partition): void {
    if (!isReassigning(p)) return;
    this.holdBack(p);
    this.scheduleCatchUp(p);
  }

  /** After a broker stopped or started (leaders and ISRs re-elected): replicas still catching up stay out of the ISR; a returning one may complete the move. */
  brokerChanged(p: Partition): void {
    if (!isReassigning(p)) return;
    if (this.catchingUp.has(p)) this.holdBack(p);
    else if (completeIfCaughtUp(p, this.isUp)) this.forget(p);
  }

  /** The partition is gone (its topic deleted). */
  forget(p: Partition): void {
    this.catchingUp.get(p)?.();
    this.catchingUp.delete(p);
  }

  private holdBack(p: Partition): void {
    const isr = p.isr.filter((r) => !p.addingReplicas?.includes(r));
    if (isr.length > 0) p.isr = isr;
  }

  private scheduleCatchUp(p: Partition): void {
    const done = () => {
      this.catchingUp.delete(p);
      catchUp(p, this.isUp);
      this.changed();
    };
    if (!this.schedule) return done();
    this.catchingUp.set(p, this.schedule(this.delayMs, done));
  }
}
