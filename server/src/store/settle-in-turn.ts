/**
 * Runs `settlers` (each resolves or rejects one caller's promise) in order, each in an immediate of
 * its own, and resolves once the last has run. A group commit settles many callers at once:
 * settled in one loop, their continuations would run interleaved, a step of each in turn, so the
 * first caller (a command's views and ack) would finish only when the last one's did. Node runs
 * every pending microtask between two immediates of one turn, so each caller runs to its end before
 * the next is settled, and all of them still settle in this turn of the event loop.
 */
export function settleInTurn(settlers: readonly (() => void)[]): Promise<void> {
  if (settlers.length === 0) return Promise.resolve();
  return new Promise((done) => {
    settlers.forEach((settle, i) =>
      setImmediate(() => {
        settle();
        if (i === settlers.length - 1) done();
      }),
    );
  });
}
