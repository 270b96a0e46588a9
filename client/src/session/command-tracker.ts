import type { CommandAck, View } from '@chaos-quest/engine';
import { readableRefusal } from './readable-error.ts';

/**
 * Commands sent and not yet answered, and the last error each control got. A control is the
 * button or form that sent a command (for example `choice.apply:rollback`), so an error can be
 * shown next to what caused it and cleared when that control tries again.
 */
export interface CommandTracker {
  pending: Record<string, { control: string; type: string }>;
  errors: Record<string, string>;
}

/** An ack from the server, or the client's own verdict when no ack could come. */
export type CommandOutcome = CommandAck | { ok: false; error: { code: 'timeout' | 'offline'; message: string } };

export const EMPTY_TRACKER: CommandTracker = { pending: {}, errors: {} };

/** Marks `id` as in flight for `control` and clears that control's previous error. Pure. */
export function commandSent(tracker: CommandTracker, id: string, control: string, type: string): CommandTracker {
  const { [control]: _cleared, ...errors } = tracker.errors;
  return { pending: { ...tracker.pending, [id]: { control, type } }, errors };
}

/**
 * Settles `id` with its outcome: an error is kept against the control that sent it, in words for
 * people (readableRefusal; `seen` is the phase and viewer of the view this client last had). An outcome for an id that is
 * not pending (a late ack after a timeout was already reported) changes nothing. Pure.
 */
export function commandSettled(
  tracker: CommandTracker,
  id: string,
  outcome: CommandOutcome,
  seen: { phase: View['phase']; viewer: View['viewer'] } | null = null,
): CommandTracker {
  const sent = tracker.pending[id];
  if (!sent) return tracker;
  const { [id]: _done, ...pending } = tracker.pending;
  const errors = outcome.ok
    ? tracker.errors
    : {
        ...tracker.errors,
        [sent.control]: readableRefusal(sent.type, outcome.error, seen?.phase ?? null, seen?.viewer),
      };
  return { pending, errors };
}

/** Whether `control` has a command in flight. Pure. */
export function isBusy(tracker: CommandTracker, control: string): boolean {
  return Object.values(tracker.pending).some((p) => p.control === control);
}

/** Forgets a control's error, for when the person edits the field that caused it. Pure. */
export function clearError(tracker: CommandTracker, control: string): CommandTracker {
  if (!(control in tracker.errors)) return tracker;
  const { [control]: _cleared, ...errors } = tracker.errors;
  return { ...tracker, errors };
}
