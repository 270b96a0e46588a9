/**
 * The seqs of the most recently accepted command keys, so a retry right after a dropped ack is
 * answered without a store lookup. Bounded: the oldest keys fall out (the store still knows them).
 */
export class RecentKeys {
  private readonly seqs = new Map<string, number>();
  private readonly limit: number;

  constructor(limit = 1000) {
    this.limit = limit;
  }

  get(key: string): number | undefined {
    return this.seqs.get(key);
  }

  set(key: string, seq: number): void {
    this.seqs.set(key, seq);
    if (this.seqs.size > this.limit) {
      const oldest = this.seqs.keys().next().value;
      if (oldest !== undefined) this.seqs.delete(oldest);
    }
  }
}
