import { consolidatedRating, objectivesOf, retestedBy, trackedActions, type LoggedCommand } from '@chaos-quest/engine';
import type { HubContext } from './hub-context.ts';
import type { LiveSession } from './live-session.ts';

/**
 * What an accepted exercise command does beyond the session: a corrective action joins the team's
 * tracker (it outlives the session), and a sign-off retests the team's earlier actions on the
 * objectives this run rated. Rejects when the store does; the caller logs it.
 */
export async function exerciseEffects(ctx: HubContext, session: LiveSession, entry: LoggedCommand): Promise<void> {
  const { command } = entry;
  if (command.type !== 'corrective.add' && command.type !== 'exercise.signoff') return;
  const { scenario, state } = session;
  const objectives = objectivesOf(scenario, state);
  if (command.type === 'corrective.add') {
    const titles = new Map(objectives.map((o) => [o.id, o.title]));
    const added = trackedActions(state, session.id, scenario.id, titles).filter(
      (a) => a.key === `${session.id}.ca${entry.seq}`,
    );
    await ctx.store.putCorrectiveActions(added);
    return;
  }
  const ratings = state.exercise?.ratings ?? [];
  const rated = new Map(
    objectives.flatMap((o) => {
      const rating = consolidatedRating(ratings, o.id);
      return rating === null ? [] : [[o.id, rating] as const];
    }),
  );
  const team = state.team ?? '';
  const retested = retestedBy(await ctx.store.listCorrectiveActions(team), {
    sessionId: session.id,
    team,
    createdAt: state.createdAt,
    at: entry.at,
    ratings: rated,
  });
  await ctx.store.putCorrectiveActions(retested);
}
