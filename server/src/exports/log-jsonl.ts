import type { LoggedCommand, SessionState } from '@chaos-quest/engine';
import type { LogEntry } from '../store/store.ts';

/**
 * The event log as JSON Lines, one `{ seq, at, actor, command }` per line: exactly what `replay`
 * takes, so an exported log can be replayed anywhere, except for an anonymous hot wash's forms
 * (see `withoutAnswers`). Pure.
 */
export function logJsonl(entries: readonly LogEntry[], state: SessionState): string {
  const anonymous = state.exercise?.hotwash.anonymous === true;
  return entries
    .map((entry): string => {
      const { seq, at, actor, command } = anonymous ? withoutAnswers(entry) : entry;
      return JSON.stringify({ seq, at, actor, command } satisfies LoggedCommand) + '\n';
    })
    .join('');
}

/**
 * A log entry without the answers of an anonymous hot-wash form: the log names who sent each
 * command, so the form's text and rating would say who wrote what, to the facilitator as much as to
 * an auditor. The answers are in the hot wash's summary, apart from who sent them.
 */
function withoutAnswers(entry: LogEntry): LogEntry {
  if (entry.command.type !== 'feedback.submit') return entry;
  const { id, type } = entry.command;
  return { ...entry, command: { id, type, redacted: 'anonymous' } as unknown as LogEntry['command'] };
}
