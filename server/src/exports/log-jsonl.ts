import type { LoggedCommand } from '@chaos-quest/engine';
import type { LogEntry } from '../store/store.ts';

/**
 * The event log as JSON Lines, one `{ seq, at, actor, command }` per line: exactly what `replay`
 * takes, so an exported log can be replayed anywhere. Pure.
 */
export function logJsonl(entries: readonly LogEntry[]): string {
  return entries
    .map(
      ({ seq, at, actor, command }): string =>
        JSON.stringify({ seq, at, actor, command } satisfies LoggedCommand) + '\n',
    )
    .join('');
}
