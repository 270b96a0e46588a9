import type { DeclaredMilestone, DeclaredSource } from '@chaos-quest/engine';

/** What told the team, as a sentence part: "an alert", "a dashboard"… */
export const TOLD: Record<DeclaredSource, string> = {
  alert: 'an alert',
  dashboard: 'a dashboard',
  customer: 'a customer report',
  other: 'something else',
};

/** "Ana (On-call SRE)": who declared, with their role when they had one. Pure. */
export const declarer = (by: string, role: string | null): string => (role ? `${by} (${role})` : by);

/**
 * A milestone's declaration in words: "declared by Ana (On-call SRE) from an alert (PAGE: …),
 * confirmed by the facilitator". `alertText` finds a page's text by its key. Pure.
 */
export function declaredText(declared: DeclaredMilestone, alertText: (key: string) => string | null): string {
  const text = declared.alert ? alertText(declared.alert) : null;
  // A page's first words name it; its whole text is in the timeline.
  const page = text && text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
  const from = declared.told ? ` from ${TOLD[declared.told]}${page ? ` (${page})` : ''}` : '';
  const how =
    declared.confirmedBy === 'commander'
      ? 'the incident commander, so it counted at once'
      : 'confirmed by the facilitator';
  return `declared by ${declarer(declared.by, declared.role)}${from}, ${how}`;
}
