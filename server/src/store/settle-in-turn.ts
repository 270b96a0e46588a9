/**
 * Runs `settlers` (each resolves or rejects one caller's promise) in order, each once the caller
 * before it has run as far as it can, and resolves once the last has run. A group commit settles
 * many callers at once: settled in one loop, their continuations would run interleaved, a step of
 * each in turn (the microtask queue is first in, first out), so the first caller (a command's views
 * and ack) would finish only when the last one's did.
 *
 * Node runs every queued `nextTick` before it drains the microtask queue, and drains it whole: the
 * next settler's tick, queued from a microtask, therefore runs only once the previous caller's
 * microtasks have all run, and ticks that caller queued (the corked sockets' writes) run with it.
 * All of it happens before the event loop moves on, so nothing waits for the next turn.
 */
export function settleInTurn(settlers: readonly (() => void)[]): Promise<void> {
  return new Promise((done) => {
    let i = 0;
    const next = (): void => {
      if (i === settlers.length) return done();
      (settlers[i++] as () => void)();
      queueMicrotask(() => process.nextTick(next));
    };
    next();
  });
}
