import { performance } from 'node:perf_hooks';
import type { Draw, TableScript } from './load-commands.ts';
import type { LoadSocket } from './load-socket.ts';

/** Where a table reports what its commands did. */
export class LoadSink {
  readonly latencies: number[] = [];
  readonly errors = new Map<string, number>();
  sent = 0;

  error(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  get errorCount(): number {
    let total = 0;
    for (const n of this.errors.values()) total += n;
    return total;
  }
}

interface Pending {
  seq: number;
  sentAt: number;
  record: boolean;
}

/**
 * One session under load: its facilitator socket, its player sockets, and the commands whose
 * views have not yet reached every player. A command's latency runs from the moment it is sent
 * until every player socket of the table holds a view with a seq at least the command's acked seq.
 */
export class LoadTable {
  readonly facilitator: LoadSocket;
  readonly players: readonly LoadSocket[];
  readonly script: TableScript;
  private pending: Pending[] = [];
  private inFlight = 0;
  private abandoned = false;
  private readonly sink: LoadSink;

  constructor(facilitator: LoadSocket, players: readonly LoadSocket[], script: TableScript, sink: LoadSink) {
    this.facilitator = facilitator;
    this.players = players;
    this.script = script;
    this.sink = sink;
    for (const player of players) player.watch(() => this.settle());
  }

  /** Sends one command; its latency is recorded when `record` is set, errors always are. */
  async send(draw: Draw, record: boolean): Promise<void> {
    const socket = draw.sender === 'facilitator' ? this.facilitator : this.players[draw.sender];
    if (!socket) throw new Error(`no player ${draw.sender} at this table`);
    this.inFlight += 1;
    if (record) this.sink.sent += 1;
    const sentAt = performance.now();
    const ack = await socket.send(draw.command);
    this.inFlight -= 1;
    // Already counted by abandon(): the step is over.
    if (this.abandoned) return;
    if (!ack) return this.sink.error('no-ack');
    if (!ack.ok) return this.sink.error(ack.error.code);
    this.pending.push({ seq: ack.seq, sentAt, record });
    this.settle();
  }

  /** True when no command is waiting for its ack or for its view to reach every player. */
  get quiet(): boolean {
    return this.inFlight === 0 && this.pending.length === 0;
  }

  /** Counts what never completed as errors; call once, after driving has stopped. */
  abandon(): void {
    this.abandoned = true;
    for (let i = 0; i < this.inFlight; i++) this.sink.error('no-ack');
    for (const p of this.pending) if (p.record) this.sink.error('view-missing');
    this.pending = [];
  }

  private settle(): void {
    if (this.pending.length === 0) return;
    let reached = Number.POSITIVE_INFINITY;
    for (const player of this.players) if (player.latestSeq < reached) reached = player.latestSeq;
    const now = performance.now();
    this.pending = this.pending.filter((p) => {
      if (p.seq > reached) return true;
      if (p.record) this.sink.latencies.push(now - p.sentAt);
      return false;
    });
  }
}
