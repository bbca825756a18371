// One in-order sender per lane (a key, or a partition): tasks of a lane run
// one after another in the order they were queued, lanes run side by side.
// With kafkajs this keeps a key's sends from overtaking each other under
// retries, without making every send in the program wait for every other.

/**
 * Returns `run(lane, task)`: `task` starts once every earlier task of the
 * same lane has settled (a failed task does not block the lane); the
 * promise settles as `task` does.
 */
export function inOrderPer<L>(): <T>(lane: L, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<L, Promise<unknown>>();
  return <T>(lane: L, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(lane) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    tails.set(lane, tail);
    // Forget a lane once it is idle, so lanes for many keys do not pile up.
    void tail.then(() => {
      if (tails.get(lane) === tail) tails.delete(lane);
    });
    return next;
  };
}
