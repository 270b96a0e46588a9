import type { Database } from 'better-sqlite3';
import { settleInTurn } from './settle-in-turn.ts';

/**
 * Group commit for a better-sqlite3 connection. With `synchronous=FULL` every COMMIT costs an
 * fsync, so a write per transaction caps the whole server at the disk's fsync rate. Writes
 * submitted in the same event-loop turn (from any number of sessions) instead run in one
 * transaction, flushed on `setImmediate`, and share one fsync.
 *
 * Each write runs inside its own SAVEPOINT, so one failing write (a seq conflict, say) rolls back
 * only itself and rejects only its own promise; the rest of the batch still commits. A promise
 * resolves only after the COMMIT that holds its write has returned and, when a durability barrier
 * is given, after a barrier (an fsync off the event loop) that started after that COMMIT has
 * resolved too. Batches resolve in commit order.
 */

/** Resolves once everything committed so far is on disk; rejects when that cannot be made so. */
export type DurabilityBarrier = () => Promise<void>;

interface Job {
  write: () => void;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  readonly #db: Database;
  readonly #maxBatch: number;
  #queue: Job[] = [];
  #scheduled = false;
  readonly #barrier: DurabilityBarrier | null;
  /** Settles once every batch committed so far has been resolved or rejected. */
  #settled: Promise<void> = Promise.resolve();
  /** The barrier running now, and the one queued behind it (see #durable). */
  #inFlight: Promise<void> | null = null;
  #queued: Promise<void> | null = null;
  readonly #commitBatch: (batch: readonly Job[], failures: Map<number, unknown>) => void;

  /**
   * `maxBatch` bounds one transaction, so a burst cannot hold the write lock for long. Without a
   * barrier a write resolves when COMMIT returns (durable only if the connection fsyncs in it).
   */
  constructor(db: Database, maxBatch: number, barrier: DurabilityBarrier | null = null) {
    this.#db = db;
    this.#maxBatch = Math.max(1, maxBatch);
    this.#barrier = barrier;
    // Calling one better-sqlite3 transaction function inside another opens a SAVEPOINT.
    const inSavepoint = db.transaction((job: Job) => job.write());
    const outer = db.transaction((batch: readonly Job[], failures: Map<number, unknown>) => {
      batch.forEach((job, i) => {
        try {
          inSavepoint(job);
        } catch (error) {
          // Some errors (disk full, I/O) make SQLite abandon the whole transaction: then nothing
          // in the batch can commit, and the outer catch rejects every job.
          if (!this.#db.inTransaction) throw error;
          failures.set(i, error);
        }
      });
    });
    this.#commitBatch = (batch, failures) => outer.immediate(batch, failures);
  }

  /**
   * Runs `write` (synchronous better-sqlite3 calls) in the next group transaction. Resolves once
   * that transaction has committed; rejects with whatever `write` threw (its changes undone), or
   * with the commit's error when the whole batch failed.
   */
  submit(write: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ write, resolve, reject });
      this.#schedule();
    });
  }

  /** Commits everything queued, synchronously. Used before closing the connection. */
  drain(): void {
    while (this.#queue.length > 0) this.#flushOnce();
  }

  /** Resolves once every committed write has been resolved or rejected (its barrier passed). */
  settled(): Promise<void> {
    return this.#settled;
  }

  /**
   * One barrier at a time: a batch committed while one is in flight waits for the next, which
   * starts when that one ends and serves every batch committed meanwhile. Under load that is one
   * fsync per fsync's duration rather than one per batch piling up on the thread pool.
   */
  #durable(barrier: DurabilityBarrier): Promise<void> {
    if (this.#queued) return this.#queued;
    if (!this.#inFlight) return this.#start(barrier);
    const next = () => {
      this.#queued = null;
      return this.#start(barrier);
    };
    this.#queued = this.#inFlight.then(next, next);
    return this.#queued;
  }

  #start(barrier: DurabilityBarrier): Promise<void> {
    const running = barrier();
    this.#inFlight = running;
    const done = () => {
      if (this.#inFlight === running) this.#inFlight = null;
    };
    running.then(done, done);
    return running;
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#flushOnce();
      if (this.#queue.length > 0) this.#schedule();
    });
  }

  #flushOnce(): void {
    if (this.#queue.length === 0) return;
    const batch = this.#queue.splice(0, this.#maxBatch);
    const failures = new Map<number, unknown>();
    try {
      if (!this.#db.open) throw new Error('The store was closed before this write committed.');
      this.#commitBatch(batch, failures);
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    const settle = () =>
      settleInTurn(batch.map((job, i) => (failures.has(i) ? () => job.reject(failures.get(i)) : job.resolve)));
    if (!this.#barrier) {
      void settle();
      return;
    }
    const durable = this.#durable(this.#barrier);
    // The next batch may commit while this one's fsync runs; acks still go out in commit order.
    this.#settled = Promise.all([this.#settled, durable]).then(settle, (error: unknown) => {
      for (const job of batch) job.reject(error);
    });
  }
}
