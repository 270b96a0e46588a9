import { clientCommandSchema, type CommandAck } from '@chaos-quest/engine';
import type { SessionHub } from '../hub/hub.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import type { SocketSeat } from './socket-types.ts';

/**
 * Handles one `command` message that passed flow control: parse it with the protocol's schema,
 * refuse everything from an observer, and hand the rest to the hub (which authorises by role,
 * steps, appends and fans out). Never rejects.
 */
export async function handleCommand(
  hub: SessionHub,
  metrics: ServerMetrics,
  seat: SocketSeat,
  payload: unknown,
): Promise<CommandAck> {
  const parsed = clientCommandSchema.safeParse(payload);
  if (!parsed.success) {
    metrics.commands.inc({ type: 'unparsed', result: 'invalid' });
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return {
      ok: false,
      error: { code: 'invalid', message: `Malformed command${where}: ${issue?.message ?? 'unknown shape'}.` },
    };
  }
  const command = parsed.data;
  if (seat.actor === null) {
    metrics.commands.inc({ type: command.type, result: 'forbidden' });
    return {
      ok: false,
      error: { code: 'forbidden', message: 'Observers watch; they cannot send commands. Join with the code to play.' },
    };
  }
  if (seat.console === 'co-facilitator' && FACILITATOR_ONLY.has(command.type)) {
    metrics.commands.inc({ type: command.type, result: 'forbidden' });
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message: `Only the facilitator can ${FACILITATOR_ONLY.get(command.type)}; a co-facilitator cannot.`,
      },
    };
  }
  return hub.submit(seat.sessionId, seat.actor, command);
}

/**
 * What a co-facilitator may not do, though they run the game with the facilitator: end the session
 * (its ending and closing are the facilitator's call) or set up and sign off the exercise's record,
 * which the facilitator answers for to the evaluators and auditors. Handing the console over and
 * inviting or dismissing co-facilitators are the facilitator's too, checked where those codes are issued.
 */
const FACILITATOR_ONLY: ReadonlyMap<string, string> = new Map([
  ['session.end', 'end the session'],
  ['session.close', 'close the session'],
  ['exercise.setup', "set up the exercise's record"],
  ['exercise.signoff', "sign off the exercise's record"],
]);
