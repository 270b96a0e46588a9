import { asRoleId, type ViewAudience } from '@chaos-quest/engine';

/**
 * The transport room every connection of one audience of one session shares, and back. Session
 * ids and role ids never contain `|` (ids are base64url; the scenario schema keeps role ids
 * kebab-case), so the name reads back unambiguously.
 */
export function audienceRoom(sessionId: string, audience: ViewAudience): string {
  if (audience.kind === 'facilitator') return `${sessionId}|f`;
  if (audience.kind === 'observer') return `${sessionId}|o`;
  return `${sessionId}|r:${audience.role ?? '-'}`;
}

/** The session and audience of a room `audienceRoom` named, or null for any other name. Pure. */
export function readAudienceRoom(room: string): { sessionId: string; audience: ViewAudience } | null {
  const bar = room.indexOf('|');
  if (bar <= 0) return null;
  const sessionId = room.slice(0, bar);
  const rest = room.slice(bar + 1);
  if (rest === 'f') return { sessionId, audience: { kind: 'facilitator' } };
  if (rest === 'o') return { sessionId, audience: { kind: 'observer' } };
  if (!rest.startsWith('r:') || rest.length < 3) return null;
  const role = rest.slice(2);
  return { sessionId, audience: { kind: 'role', role: role === '-' ? null : asRoleId(role) } };
}
