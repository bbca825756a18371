// Leaders and ISRs as brokers stop and start (the rules in ./leader-election.ts).
import { describe, expect, it } from "vitest";
import { initialLeadership, recoverLeadership, reelect } from "./leader-election";

function brokers(...down: number[]) {
  const stopped = new Set(down);
  return {
    isUp: (id: number) => !stopped.has(id),
    stop: (id: number) => stopped.add(id),
    start: (id: number) => stopped.delete(id),
  };
}

describe("leader election", () => {
  it("shrinks the ISR to the live replicas, keeps the last one, and elects only from it", () => {
    const b = brokers();
    const p = initialLeadership([1, 2, 3], b.isUp);
    expect(p).toEqual({ leader: 1, leaderEpoch: 0, replicas: [1, 2, 3], isr: [1, 2, 3] });
    for (const id of [1, 2, 3]) {
      b.stop(id);
      reelect(p, id, false, b.isUp, false);
    }
    expect(p).toEqual({ leader: -1, leaderEpoch: 3, replicas: [1, 2, 3], isr: [3] });
    b.start(1);
    reelect(p, 1, true, b.isUp, false);
    expect(p).toMatchObject({ leader: -1, isr: [3] });
    b.start(3);
    reelect(p, 3, true, b.isUp, false);
    expect(p).toMatchObject({ leader: 3, leaderEpoch: 4, isr: [1, 3] });
    b.start(2);
    reelect(p, 2, true, b.isUp, false);
    expect(p).toMatchObject({ leader: 3, isr: [1, 2, 3] });
  });

  it("lets any returning replica lead an offline partition when unclean election is enabled", () => {
    const b = brokers();
    const p = initialLeadership([1, 2], b.isUp);
    b.stop(1);
    reelect(p, 1, false, b.isUp, true);
    b.stop(2);
    reelect(p, 2, false, b.isUp, true);
    expect(p).toMatchObject({ leader: -1, isr: [2] });
    b.start(1);
    reelect(p, 1, true, b.isUp, true);
    expect(p).toMatchObject({ leader: 1, isr: [1] });
  });

  it("gives the preferred replica its partitions back when it returns", () => {
    const b = brokers();
    const p = initialLeadership([2, 3], b.isUp);
    b.stop(2);
    reelect(p, 2, false, b.isUp, false);
    expect(p).toMatchObject({ leader: 3, leaderEpoch: 1 });
    b.start(2);
    reelect(p, 2, true, b.isUp, false);
    expect(p).toMatchObject({ leader: 2, leaderEpoch: 2, isr: [2, 3] });
  });

  it("keeps a stored live leader and its epoch after a restart, else elects from the stored ISR", () => {
    const b = brokers();
    expect(recoverLeadership({ leader: 2, leaderEpoch: 7, replicas: [1, 2], isr: [2] }, b.isUp)).toEqual({ leader: 2, leaderEpoch: 7, replicas: [1, 2], isr: [1, 2] });
    expect(recoverLeadership({ leader: -1, leaderEpoch: 7, replicas: [1, 2], isr: [2] }, b.isUp)).toMatchObject({ leader: 2, leaderEpoch: 8 });
  });
});
