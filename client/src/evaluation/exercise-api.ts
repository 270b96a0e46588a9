import type { TrackedAction } from '@chaos-quest/engine';
import { requestJson } from '../api/http.ts';

/** The exercise's HTTP calls, each with the seat's token in its header. */

export const sessionPath = (sessionId: string, file: string) =>
  `/api/sessions/${encodeURIComponent(sessionId)}/${file}`;

export function teamActions(sessionId: string, token: string): Promise<{ team: string; actions: TrackedAction[] }> {
  return requestJson(sessionPath(sessionId, 'corrective-actions'), { token });
}

export function changeActionStatus(
  sessionId: string,
  token: string,
  change: { key: string; status: 'open' | 'done' } | { key: string; status: 'wont-do'; reason: string },
): Promise<{ action: TrackedAction }> {
  return requestJson(sessionPath(sessionId, 'corrective-actions/status'), { token, body: change });
}
