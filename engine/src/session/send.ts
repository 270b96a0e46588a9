import type { GameEvent } from '../compile/compile.ts';
import { pureTransition } from '../compile/pure-transition.ts';
import { asInjectId, asSceneId } from '../protocol/ids.ts';
import { append, markMilestone, note, reveal, type Draft } from './draft.ts';
import { persistSnapshot, resolveSnapshot } from './game-snapshot.ts';
import { pageAlerts } from './alert-pages.ts';
import { deadlineEnded, enterModule, injectMissed, narrateEffect } from './story-1-1.ts';
import { dueMinute } from './inject-timing.ts';
import { cardDrawn, cardsDealt } from './decks.ts';

/**
 * Feeds one event through the machine's pure `transition()`, then applies what the machine
 * announced (the actions it returns as data) to the parts of the session it does not hold.
 * Throws when the machine would not take the event: every command's gate (its phases, or the
 * machine itself) runs before its handler sends anything, so a refused event is an engine bug.
 */
export function send(draft: Draft, event: GameEvent): void {
  const clockBefore = draft.state.game.context.clock;
  const drawsBefore = draft.state.game.context.drawn?.length ?? 0;
  const snapshot = resolveSnapshot(draft.game, draft.state.game);
  const [next, actions] = pureTransition(draft.game.machine, snapshot, event);
  // The transition hands back the very snapshot it was given when no transition was taken.
  if (next === snapshot) {
    throw new Error(
      `The machine does not take ${event.type} in ${JSON.stringify(snapshot.value)}: a command reached it past its gate.`,
    );
  }
  draft.state.game = persistSnapshot(next);
  const announced = inAnnouncementOrder(actions);
  // The machine recorded its draws in the order it made them, as it announces them.
  const draws = (draft.state.game.context.drawn ?? []).slice(drawsBefore);
  for (const action of announced) {
    const params = (action.params ?? {}) as Record<string, unknown>;
    switch (action.type) {
      case 'sceneEntered':
        enterScene(draft, params['scene'] as string);
        break;
      case 'injectFired':
        fireInject(draft, params['inject'] as string);
        break;
      case 'injectMissed':
        injectMissed(draft, params['inject'] as string);
        break;
      case 'deadlineEnded':
        deadlineEnded(draft, params['deadline'] as string, params['state'] as 'met' | 'missed');
        break;
      case 'faultBegan':
        markMilestone(draft, 'started', 'scenario', { game: params['startsAt'] as number, wall: draft.entry.at });
        break;
      case 'concluded':
        conclude(draft);
        break;
      case 'cardDrawn': {
        const at = draws.findIndex((d) => d.deck === params['deck']);
        const [draw] = draws.splice(at, 1);
        if (at < 0 || !draw)
          throw new Error(`The machine announced a draw from '${String(params['deck'])}' it did not make.`);
        cardDrawn(draft, draw.deck, draw.card, (params['to'] ?? null) as string[] | null);
        break;
      }
      case 'dealt':
        cardsDealt(draft);
        break;
      default:
        throw new Error(`The machine announced '${action.type}', which the session does not know.`);
    }
  }
  // The clock moved, or play began: alerts whose minute has come page the table.
  if (event.type === 'START' || draft.state.game.context.clock !== clockBefore) pageAlerts(draft);
}

// Applied in the order sessions have always recorded them (milestones and timeline keep that order):
// the fault's onset, the scene entered, the debrief, then the injects due. The sort is stable.
// 1.1: the deal comes before the first scene; a card drawn by a choice before the scene it leads to, and one
// drawn by an inject or a deadline right after the announcement it follows.
const ANNOUNCEMENTS = [
  'dealt',
  'faultBegan',
  'cardDrawn',
  'sceneEntered',
  'concluded',
  'deadlineEnded',
  'injectFired',
  'injectMissed',
];

function inAnnouncementOrder<A extends { type: string }>(actions: readonly A[]): A[] {
  let previous = -1;
  const ranked = actions.map((action) => {
    const own = ANNOUNCEMENTS.indexOf(action.type);
    const follows = action.type === 'cardDrawn' && previous > ANNOUNCEMENTS.indexOf('sceneEntered');
    const rank = follows ? previous : own;
    if (own >= 0 && action.type !== 'cardDrawn') previous = own;
    return { action, rank };
  });
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.action);
}

function enterScene(draft: Draft, sceneId: string): void {
  const scene = draft.game.scenes.get(sceneId);
  if (!scene) throw new Error(`The machine entered '${sceneId}', which is not a scene.`);
  if (draft.state.startedAt === null) draft.state.startedAt = draft.entry.at;
  draft.state.votes = {};
  append(draft, 'path', asSceneId(sceneId));
  enterModule(draft, sceneId);
  note(draft, 'scene', scene.title ?? scene.narration.slice(0, 80));
  if (scene.milestone) {
    const source = scene.milestone === 'detected' ? (scene.detected_by ?? 'monitoring') : 'scene';
    markMilestone(draft, scene.milestone, source);
  }
}

function fireInject(draft: Draft, injectId: string): void {
  const found = draft.game.injects.get(injectId);
  if (!found) throw new Error(`The machine fired inject '${injectId}', which the scenario does not have.`);
  const due = dueMinute(draft.game, draft.state.game.context, found);
  reveal(draft, asInjectId(injectId), found.inject, due);
  if (found.inject.effect) narrateEffect(draft, found.inject.effect);
}

/** The debrief begins: an ending reached, or the facilitator ended the session. */
function conclude(draft: Draft): void {
  const { ending: endingId, outcome } = draft.state.game.context;
  const ending = endingId ? draft.game.endings.get(endingId) : undefined;
  if (ending) append(draft, 'path', asSceneId(ending.id));
  if (ending?.milestone) markMilestone(draft, ending.milestone, 'outcome');
  markMilestone(draft, 'ended', endingId ? 'outcome' : 'facilitator');
  draft.state.endedAt = draft.entry.at;
  draft.state.pace = null;
  note(
    draft,
    'phase',
    `Debrief: ${ending?.title ?? ending?.id ?? 'ended by the facilitator'} (${outcome ?? 'no outcome'})`,
  );
}
