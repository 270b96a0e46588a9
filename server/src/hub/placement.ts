import type { Actor, Command, CommandAck } from '@chaos-quest/engine';
import type { SessionLeases } from '../cluster/session-leases.ts';
import type { LogEntry } from '../store/store.ts';

/**
 * Where a session's commands are applied when several nodes share the store (see server/src/cluster).
 * Without one, this node applies every session's commands itself.
 */
export interface Placement {
  readonly leases: Pick<SessionLeases, 'take' | 'release'>;
  /** Hands a command to the node at `address` that holds the session; resolves with its ack, never rejects. */
  forward(address: string, sessionId: string, actor: Actor, command: Command): Promise<CommandAck>;
  /** Tells the other nodes' copies of the session about entries just appended here. Never throws. */
  publish(sessionId: string, entries: readonly LogEntry[]): void;
}

/** The ack for a command this node cannot place: the client may send it again shortly. */
export function unplaced(sessionId: string, why: string): CommandAck {
  return {
    ok: false,
    error: {
      code: 'internal',
      message: `Session ${sessionId} cannot take commands right now: ${why}. Nothing changed; try again.`,
    },
  };
}
