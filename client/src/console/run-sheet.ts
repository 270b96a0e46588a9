import type { Declaration, FacilitatorView, InjectPlan, RevealedInject } from '@chaos-quest/engine';

export interface RunSheet {
  /** Scripted injects the facilitator can reveal now or that fire by themselves, soonest first. */
  upcoming: InjectPlan[];
  /** Injects scripted in scenes the party has not reached. */
  later: number;
  /** Seated players who have not voted while choices are open (empty when none are open). */
  notVoted: string[];
  /** Revealed pages nobody has acknowledged yet, oldest first. */
  unacknowledged: RevealedInject[];
  /** Players' declarations waiting for the facilitator to confirm them, oldest first. */
  toConfirm: Declaration[];
}

/**
 * What the facilitator must keep an eye on, from the view alone: the injects to come against the
 * game clock, who has not voted, the pages nobody has answered and the declarations to confirm. Pure.
 */
export function runSheet(view: FacilitatorView): RunSheet {
  const pending = view.injectPlan.filter((i) => !i.revealed);
  // Timed injects by their minute; the untimed (revealed by hand) after them, in scenario order.
  const upcoming = pending
    .filter((i) => i.available)
    .sort((a, b) => (a.at ?? Number.POSITIVE_INFINITY) - (b.at ?? Number.POSITIVE_INFINITY));
  const voted = new Set(Object.keys(view.votesByPlayer));
  const notVoted =
    view.choices.length === 0 ? [] : view.players.filter((p) => p.role !== null && !voted.has(p.id)).map((p) => p.name);
  return {
    upcoming,
    later: pending.length - upcoming.length,
    notVoted,
    unacknowledged: view.injects.filter((i) => i.page && i.acknowledgedBy.length === 0),
    toConfirm: view.declarations.filter((d) => d.status === 'pending'),
  };
}
