import type { TrackedAction } from '@chaos-quest/engine';

/**
 * How the exercise's rows are stored: evaluator seats (a token hash; an evaluator code is a seat
 * with no evaluator yet) and corrective actions (the engine's TrackedAction as JSON, with its key
 * and team as columns to look it up by).
 */

/** What an evaluator token (or an evaluator code, whose evaluatorId is null) opens. */
export interface EvaluatorSeat {
  sessionId: string;
  evaluatorId: string | null;
}

export function encodeAction(action: TrackedAction): string {
  if (typeof action.key !== 'string' || action.key === '' || typeof action.team !== 'string')
    throw new Error('A corrective action needs its key and team to be stored.');
  return JSON.stringify(action);
}

export function decodeAction(key: string, text: string): TrackedAction {
  let action: unknown;
  try {
    action = JSON.parse(text);
  } catch (error) {
    throw new Error(`Corrupt corrective action ${key}: ${(error as Error).message}`, { cause: error });
  }
  const a = action as Partial<TrackedAction> | null;
  if (typeof a !== 'object' || a === null || a.key !== key || typeof a.status !== 'string')
    throw new Error(`Corrupt corrective action ${key}: not an action with that key.`);
  return a as TrackedAction;
}
