import type { PlayerSummary } from '@chaos-quest/engine';

/**
 * What a player's button says for a role. Several people may share a role, so taking one already
 * held says whom it is shared with ("Join Alice as Incident Commander") rather than doing it silently.
 */
export function roleAction(role: { name: string }, seated: readonly PlayerSummary[], ask: boolean): string {
  if (seated.length === 0) return ask ? `Ask to be ${role.name}` : 'Take this role';
  const names = seated.map((p) => p.name).join(' and ');
  return `${ask ? 'Ask to join' : 'Join'} ${names} as ${role.name}`;
}
