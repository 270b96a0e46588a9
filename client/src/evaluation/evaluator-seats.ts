import { seats } from '../api/browser-seats.ts';

/**
 * Evaluator seats, kept in the browser's storage per session beside the players' and facilitator's
 * (a reload returns the evaluator to their seat). Tokens live only here and in request headers.
 */
export interface EvaluatorSeatRecord {
  sessionId: string;
  evaluatorId: string;
  name: string;
  token: string;
}

const keyOf = (sessionId: string) => `cq.evaluator.${sessionId}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function evaluatorSeat(sessionId: string): EvaluatorSeatRecord | null {
  try {
    const value = JSON.parse(storage()?.getItem(keyOf(sessionId)) ?? 'null') as Partial<EvaluatorSeatRecord> | null;
    const ok =
      value && [value.sessionId, value.evaluatorId, value.name, value.token].every((v) => typeof v === 'string');
    return ok ? (value as EvaluatorSeatRecord) : null;
  } catch {
    return null;
  }
}

/** Returns false when the browser refused to store it (private mode, full storage). */
export function saveEvaluatorSeat(seat: EvaluatorSeatRecord): boolean {
  try {
    storage()?.setItem(keyOf(seat.sessionId), JSON.stringify(seat));
    return storage() !== null;
  } catch {
    return false;
  }
}

/** The token that reads this session's record: the facilitator's if this browser runs it, else an evaluator's. */
export function recordToken(sessionId: string): { token: string; kind: 'facilitator' | 'evaluator' } | null {
  const facilitator = seats.get(sessionId, 'facilitator');
  if (facilitator) return { token: facilitator.token, kind: 'facilitator' };
  const evaluator = evaluatorSeat(sessionId);
  return evaluator ? { token: evaluator.token, kind: 'evaluator' } : null;
}
