import type { LogRow } from './log-codec.ts';
import { settleInTurn } from './settle-in-turn.ts';

/**
 * Group commit for PostgreSQL appends. One INSERT per append costs a round trip and a WAL flush
 * each, which caps a pool at a few thousand appends a second however many sessions play. Appends
 * that arrive while earlier statements are in flight instead wait and go out together, as one
 * multi-row INSERT of every waiting batch: one round trip, one commit, one flush.
 *
 * One statement is all or nothing, so when it is refused (a taken seq in one session's batch, an
 * unknown session) none of it was written, and each batch of the group is sent again on its own:
 * every batch then succeeds or fails by itself, exactly as if it had been sent alone. Conflicts are
 * rare (two nodes racing, a retried command), so the fallback costs little.
 */

export interface AppendBatch {
  sessionId: string;
  rows: readonly LogRow[];
  /** The session lease the writer holds, checked in the same statement (null: none). */
  epoch: number | null;
}

/** Sends batches as one statement; rejects, having written none of them, when any is refused. */
export type SendGroup = (batches: readonly AppendBatch[]) => Promise<void>;
/** Sends one batch alone; rejects with the reason that batch was refused. */
export type SendOne = (batch: AppendBatch) => Promise<void>;
/** True when an error from SendGroup is a refusal of some row, not a failing database. */
export type IsRefusal = (error: unknown) => boolean;

interface Waiting extends AppendBatch {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class PgAppendGroup {
  readonly #sendGroup: SendGroup;
  readonly #sendOne: SendOne;
  readonly #isRefusal: IsRefusal;
  readonly #maxInFlight: number;
  readonly #maxRows: number;
  #queue: Waiting[] = [];
  #inFlight = 0;
  #idle: (() => void)[] = [];

  /**
   * At most `maxInFlight` statements at once (each holds a pooled connection), each with at most
   * `maxRows` rows: a burst waits for a free statement instead of taking every connection.
   */
  constructor(options: {
    sendGroup: SendGroup;
    sendOne: SendOne;
    isRefusal: IsRefusal;
    maxInFlight: number;
    maxRows: number;
  }) {
    this.#sendGroup = options.sendGroup;
    this.#sendOne = options.sendOne;
    this.#isRefusal = options.isRefusal;
    this.#maxInFlight = Math.max(1, options.maxInFlight);
    this.#maxRows = Math.max(1, options.maxRows);
  }

  /** Resolves once the batch has committed; rejects with why it alone was refused, or why the database failed. */
  submit(batch: AppendBatch): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ ...batch, resolve, reject });
      this.#pump();
    });
  }

  /** Resolves once nothing waits and nothing is in flight. */
  settled(): Promise<void> {
    if (this.#queue.length === 0 && this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #pump(): void {
    while (this.#inFlight < this.#maxInFlight && this.#queue.length > 0) {
      const group = this.#take();
      this.#inFlight++;
      void this.#send(group).finally(() => {
        this.#inFlight--;
        this.#pump();
        if (this.#queue.length === 0 && this.#inFlight === 0) this.#idle.splice(0).forEach((resolve) => resolve());
      });
    }
  }

  /** The waiting batches, oldest first, up to maxRows rows (a bigger batch goes alone). */
  #take(): Waiting[] {
    let rows = 0;
    let count = 0;
    for (const waiting of this.#queue) {
      if (count > 0 && rows + waiting.rows.length > this.#maxRows) break;
      rows += waiting.rows.length;
      count++;
    }
    return this.#queue.splice(0, count);
  }

  async #send(group: readonly Waiting[]): Promise<void> {
    if (group.length === 1) {
      const [only] = group as [Waiting];
      return this.#sendOne(only).then(only.resolve, only.reject);
    }
    try {
      await this.#sendGroup(group);
      await settleInTurn(group.map((waiting) => waiting.resolve));
    } catch (error) {
      if (!this.#isRefusal(error)) {
        for (const waiting of group) waiting.reject(error);
        return;
      }
      // One after another, in arrival order: two batches of one session in a group (a race the
      // store must settle) then land as if sent apart, the first one winning.
      for (const waiting of group) await this.#sendOne(waiting).then(waiting.resolve, waiting.reject);
    }
  }
}
