import type { Command } from '@chaos-quest/engine';

/** What a recently accepted command key was applied as: its seq and the command, to tell a retry from a reused id. */
export interface RecentCommand {
  seq: number;
  command: Command;
}

/**
 * The most recently accepted command keys, so a retry right after a dropped ack is answered
 * without a store lookup. Bounded: the oldest keys fall out (the store still knows them).
 */
export class RecentKeys {
  private readonly seqs = new Map<string, RecentCommand>();
  private readonly limit: number;

  constructor(limit = 1000) {
    this.limit = limit;
  }

  get(key: string): RecentCommand | undefined {
    return this.seqs.get(key);
  }

  set(key: string, command: RecentCommand): void {
    this.seqs.set(key, command);
    if (this.seqs.size > this.limit) {
      const oldest = this.seqs.keys().next().value;
      if (oldest !== undefined) this.seqs.delete(oldest);
    }
  }
}
