import type { ReadOnlyLink, ReadOnlyLinkCreated, RunAnnotation } from '@chaos-quest/engine';
import { seats } from '../api/browser-seats.ts';
import { request, requestJson, type RequestOptions } from '../api/http.ts';
import { formatRoute } from '../app/route.ts';

/**
 * How this browser proves it may change a run: the facilitator's token when it holds that seat,
 * else the admin key it was given (or nothing: the server's own machine needs none).
 */
function authFor(sessionId: string): Pick<RequestOptions, 'token' | 'admin'> {
  const seat = seats.get(sessionId, 'facilitator');
  return seat ? { token: seat.token } : { admin: true };
}

const runPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

export type AnnotationInput = Pick<RunAnnotation, 'note' | 'excluded' | 'reason'>;

export const saveAnnotation = (sessionId: string, body: AnnotationInput) =>
  requestJson<RunAnnotation>(`${runPath(sessionId)}/annotation`, { ...authFor(sessionId), body });

export const listLinks = (sessionId: string) =>
  requestJson<ReadOnlyLink[]>(`${runPath(sessionId)}/read-only-links`, authFor(sessionId));

export const createLink = (sessionId: string) =>
  requestJson<ReadOnlyLinkCreated>(`${runPath(sessionId)}/read-only-links`, { ...authFor(sessionId), body: {} });

export const revokeLink = (sessionId: string, id: string) =>
  request(`${runPath(sessionId)}/read-only-links/${encodeURIComponent(id)}/revoke`, {
    ...authFor(sessionId),
    method: 'POST',
  });

/** The address to share: this app's, opened at the read-only debrief (the token after `#` never reaches a server). */
export function linkAddress(token: string): string {
  return `${window.location.origin}${window.location.pathname}${formatRoute({ name: 'debrief', token })}`;
}

/** Whether this browser runs the session as its facilitator, so its live debrief is one click away. */
export const facilitates = (sessionId: string): boolean => seats.get(sessionId, 'facilitator') !== null;
