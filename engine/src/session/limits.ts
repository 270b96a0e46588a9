import type { Command } from '../protocol/commands.ts';

/**
 * What one session may grow to (DESIGN, Security model: every resource a client can grow has a
 * budget). A session past a limit refuses the command with `budget`; other sessions never notice.
 * The totals allow for a long game day of a large table; the hub's per-player minute budgets
 * (several times what a fast typist writes) keep one seat from spending them for everyone.
 */
export const SESSION_LIMITS = {
  /** Seats ever taken, removed ones included: each join is a token and a line on the timeline. */
  players: 100,
  /** Characters of text typed into the session by everyone (posts, proposals, notes, injects…). */
  text: 300_000,
  /** Timeline entries; past this, players' commands that would add one are refused. */
  timeline: 5_000,
} as const;

/** The command fields that carry text a person typed (everything else is an id, a number or a flag). */
const TEXT_FIELDS = [
  'text',
  'note',
  'label',
  'owner',
  'name',
  'reason',
  'rootCause',
  'wentWell',
  'toImprove',
  'issue',
  'action',
  'organisation',
] as const;

/** Characters of typed text a command carries. Pure. */
export function typedText(command: Command): number {
  let total = 0;
  const fields = command as unknown as Record<string, unknown>;
  for (const field of TEXT_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string') total += value.length;
  }
  return total;
}
