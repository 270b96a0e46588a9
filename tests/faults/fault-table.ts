import type { CommandAck, CreateSessionResponse, JoinResponse, ViewMessage } from '@chaos-quest/engine';
import seedrandom from 'seedrandom';
import { TableScript, type Draw } from '../bench/lib/load-commands.ts';
import { postJson } from '../bench/lib/post-json.ts';
import { FaultClient } from './fault-client.ts';

/** A command the server acknowledged: it must be in the log at this seq, from this sender. */
export interface Acked {
  seq: number;
  commandId: string;
  /** 'facilitator' or the player's id. */
  sender: string;
}

/**
 * One session played by a script: a facilitator and a few players on reconnecting sockets,
 * sending the bench scenario's always-acceptable commands (tests/bench/lib/load-commands.ts).
 * Records every ack, so a test can hold the server to what it acknowledged.
 */
export class FaultTable {
  readonly sessionId: string;
  /** The code players join this session with (a hostile player needs nothing more). */
  readonly joinCode: string;
  readonly facilitator: FaultClient;
  readonly players: readonly FaultClient[];
  readonly playerIds: readonly string[];
  readonly acked: Acked[] = [];
  /** Commands the server refused: with the script's commands there should be none. */
  readonly refused: CommandAck[] = [];
  /** Commands sent that got no ack (the server died or the connection dropped under them). */
  unanswered = 0;
  /** How long a command may wait for its ack before it counts as unanswered: generous, this is not a latency check. */
  ackTimeoutMs = 3000;
  private readonly script: TableScript;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();

  private constructor(
    sessionId: string,
    joinCode: string,
    facilitator: FaultClient,
    players: FaultClient[],
    playerIds: string[],
  ) {
    this.sessionId = sessionId;
    this.joinCode = joinCode;
    this.facilitator = facilitator;
    this.players = players;
    this.playerIds = playerIds;
    this.script = new TableScript(playerIds);
  }

  /**
   * Opens a session over HTTP, seats `players` players, connects everyone (to `socketUrl`: a load
   * balancer in front of several nodes, say) and starts the game. Rejects on any refusal.
   */
  static async open(url: string, name: string, players: number, socketUrl = url): Promise<FaultTable> {
    const created = await postJson<CreateSessionResponse>(`${url}/api/sessions`, {
      scenarioId: 'dns-ttl-trap',
      seed: `fault-${name}`,
      team: name,
    });
    const seats: JoinResponse[] = [];
    for (let i = 0; i < players; i++)
      seats.push(
        await postJson<JoinResponse>(`${url}/api/join`, { joinCode: created.joinCode, name: `${name} P${i + 1}` }),
      );
    const facilitator = await FaultClient.connect(socketUrl, { token: created.facilitatorToken });
    const clients = await Promise.all(seats.map((s) => FaultClient.connect(socketUrl, { token: s.playerToken })));
    const table = new FaultTable(
      created.sessionId,
      created.joinCode,
      facilitator,
      clients,
      seats.map((s) => s.playerId),
    );
    for (const draw of table.script.opening()) await table.send(draw);
    if (table.refused.length > 0 || table.unanswered > 0)
      throw new Error(`table ${name} would not start: ${JSON.stringify(table.refused)}`);
    return table;
  }

  get clients(): FaultClient[] {
    return [this.facilitator, ...this.players];
  }

  /** Starts sending one command every `minMs`–`maxMs`, without waiting for acks. */
  play(seed: string, minMs = 40, maxMs = 120): void {
    const random = seedrandom(`${this.sessionId}:${seed}`);
    const tick = () => {
      const sending = this.send(this.script.next(random));
      this.inFlight.add(sending);
      void sending.finally(() => this.inFlight.delete(sending));
      this.timer = setTimeout(tick, minMs + random() * (maxMs - minMs));
    };
    this.timer = setTimeout(tick, random() * maxMs);
  }

  /** Stops sending now; `settled` then waits for the commands still in flight. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  /** Each client as `connected@seq`, for failure messages. */
  describe(): string {
    return this.clients.map((c) => `${c.socket.connected ? 'up' : 'down'}@${c.seq}`).join(' ');
  }

  /** True once every socket is connected and holds a view at `seq`. */
  convergedAt(seq: number): boolean {
    return this.clients.every((c) => c.socket.connected && c.seq === seq);
  }

  /** Each client's own current view from the server, by resync (null where none came). */
  resyncAll(): Promise<(ViewMessage | null)[]> {
    return Promise.all(this.clients.map((c) => c.resync()));
  }

  close(): void {
    this.stop();
    for (const client of this.clients) client.close();
  }

  private async send(draw: Draw): Promise<void> {
    const client = draw.sender === 'facilitator' ? this.facilitator : this.players[draw.sender];
    if (!client) throw new Error(`no player ${draw.sender}`);
    const ack = await client.send(draw.command, this.ackTimeoutMs);
    if (ack === null) this.unanswered += 1;
    else if (!ack.ok) this.refused.push(ack);
    else
      this.acked.push({
        seq: ack.seq,
        commandId: draw.command.id,
        sender: draw.sender === 'facilitator' ? 'facilitator' : (this.playerIds[draw.sender] as string),
      });
  }
}

/** Waits until `check` holds, polling; rejects with `what` (and `state()`, if given) after `timeoutMs`. */
export async function until(
  what: string,
  check: () => boolean,
  state: () => string = () => '',
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}. ${state()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
