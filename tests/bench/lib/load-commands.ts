import type { ClientCommandInput as ClientCommand } from '@chaos-quest/engine';

/**
 * The commands a load-generator table sends, drawn so the engine accepts every one of them in the
 * bench scenario (tests/bench/fixtures/dns-ttl-trap.yaml, kept in its first scene): a refusal
 * would show up as an error, and a game that ended would stop producing views.
 */

/** Who sends a command: the facilitator, or the player at this index. */
export type Sender = 'facilitator' | number;

export interface Draw {
  sender: Sender;
  command: ClientCommand;
}

/** What a table remembers to keep its commands acceptable: hands up, game minutes spent. */
export class TableScript {
  private readonly hands: boolean[];
  private readonly playerIds: readonly string[];
  private minutes = 0;
  private revealed = false;
  private n = 0;

  /** `playerIds` are the seated players' ids, in the order their sockets are indexed (coaching names one). */
  constructor(playerIds: readonly string[]) {
    this.playerIds = playerIds;
    this.hands = playerIds.map(() => false);
  }

  /** The commands that seat everyone in a role and start the game, in order. */
  opening(): Draw[] {
    const roles = ['ic', 'sre'];
    const seats: Draw[] = this.hands.map((_, i) => ({
      sender: i,
      command: { id: this.id(i), type: 'role.take', role: roles[i % roles.length] as string },
    }));
    return [...seats, { sender: 'facilitator', command: { id: this.id('facilitator'), type: 'session.start' } }];
  }

  /** The next command of the table's talk: 30% from the facilitator, the rest from a random player. */
  next(random: () => number): Draw {
    if (random() < 0.3) return { sender: 'facilitator', command: this.facilitator(random) };
    const i = Math.floor(random() * this.hands.length);
    return { sender: i, command: this.player(i, random) };
  }

  private facilitator(random: () => number): ClientCommand {
    const id = this.id('facilitator');
    if (!this.revealed) {
      this.revealed = true;
      return { id, type: 'inject.reveal', injectId: 'page' };
    }
    const r = random();
    // The timebox is 120 game minutes; stop well short of it so no ending is reached.
    if (r < 0.1 && this.minutes < 60) {
      this.minutes += 1;
      return { id, type: 'clock.advance', minutes: 1 };
    }
    if (r < 0.3)
      return {
        id,
        type: 'inject.improvise',
        text: 'Support forwards a customer tweet about failed payments.',
        to: ['ic'],
      };
    if (r < 0.5) return { id, type: 'dice.roll', dice: 'd20', label: 'Does the cache flush in time?' };
    if (r < 0.65)
      return {
        id,
        type: 'coach',
        playerId: this.playerIds[Math.floor(random() * this.playerIds.length)] as string,
        text: 'Ask who owns the resolver config.',
      };
    return { id, type: 'timeline.post', text: `Facilitator: status check ${this.n}, the error rate holds at 18%.` };
  }

  private player(i: number, random: () => number): ClientCommand {
    const id = this.id(i);
    const r = random();
    if (r < 0.3) return { id, type: 'choice.vote', choiceId: random() < 0.5 ? 'look' : 'hold' };
    if (r < 0.55) {
      this.hands[i] = !this.hands[i];
      return { id, type: 'hand.raise', raised: this.hands[i] as boolean };
    }
    if (r < 0.7) return { id, type: 'action.propose', text: 'Flush the DNS caches on the checkout hosts.' };
    return {
      id,
      type: 'timeline.post',
      text: `Player ${i + 1}: resolver answers look stale from here, checking TTLs (${this.n}).`,
    };
  }

  private id(sender: Sender): string {
    this.n += 1;
    return `${sender === 'facilitator' ? 'f' : `p${sender}`}-${this.n}`;
  }
}
