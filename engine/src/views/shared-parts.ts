import type { Game } from '../compile/game.ts';
import type { SessionState } from '../session/state.ts';
import type { FacilitatorView, PublicView } from './view.ts';

/**
 * The parts of a projection that a command seldom or never changes, each built once per game or
 * per state record it comes from and then shared: by every audience's projection of one state, and
 * from one state to the next while the record is the same object. Shared parts cost no building
 * and no garbage, and the patch (protocol/patch.ts) sees them unchanged by identity. The state's
 * records are replaced, never changed in place, when a command touches them (session/draft.ts).
 */

const scenarioParts = new WeakMap<Game, { withFault: PublicView['scenario']; withoutFault: PublicView['scenario'] }>();

/** The scenario's part of every view: it never changes but for the fault's cause, shown to the facilitator and in the debrief. */
export function scenarioPart(game: Game, showFault: boolean): PublicView['scenario'] {
  let parts = scenarioParts.get(game);
  if (!parts) {
    const { scenario } = game;
    const part = (faultSummary: string | null): PublicView['scenario'] => ({
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      difficulty: scenario.difficulty,
      services: scenario.services,
      roles: scenario.roles.map((r) => ({ id: r.id, name: r.name, brief: r.brief })),
      components: scenario.system.components,
      escalation: scenario.escalation,
      faultSummary,
    });
    parts = { withFault: part(scenario.fault.summary), withoutFault: part(null) };
    scenarioParts.set(game, parts);
  }
  return showFault ? parts.withFault : parts.withoutFault;
}

const playerLists = new WeakMap<SessionState['players'], PublicView['players']>();
const milestoneParts = new WeakMap<
  SessionState['milestones'],
  { all: PublicView['milestones']; shown: PublicView['milestones'] }
>();

/** The table as every viewer sees it: the seated players, without anyone removed. */
export function playerList(players: SessionState['players']): PublicView['players'] {
  let list = playerLists.get(players);
  if (!list) {
    list = Object.values(players)
      .filter((p) => !p.removed)
      .map((p) => ({
        id: p.id,
        name: p.name,
        role: p.role,
        hand: p.hand,
        audience: p.audience === true,
        ready: p.ready === true,
      }));
    playerLists.set(players, list);
  }
  return list;
}

/** The milestones a viewer sees: all of them, or all but when the game started (the table learns that in the debrief). */
export function milestonesSeen(milestones: SessionState['milestones'], started: boolean): PublicView['milestones'] {
  let parts = milestoneParts.get(milestones);
  if (!parts) {
    parts = {
      all: { ...milestones },
      shown: Object.fromEntries(Object.entries(milestones).filter(([k]) => k !== 'started')),
    };
    milestoneParts.set(milestones, parts);
  }
  return started ? parts.all : parts.shown;
}

type FacilitatorStatics = Pick<FacilitatorView, 'scenes' | 'roles' | 'fault'>;
const facilitatorStatics = new WeakMap<Game, FacilitatorStatics>();

/** The scenario's parts of the facilitator's view, which no command changes: built once per game. */
export function staticsOf(game: Game): FacilitatorStatics {
  let statics = facilitatorStatics.get(game);
  if (!statics) {
    const { scenario } = game;
    statics = {
      scenes: scenario.scenes.map((s) => ({ id: s.id, title: s.title ?? s.id })),
      roles: scenario.roles.map((r) => ({
        id: r.id,
        name: r.name,
        brief: r.brief,
        secrets: r.secrets ?? [],
        canApplyChoices: r.can_apply_choices,
      })),
      fault: { startsAt: scenario.fault.starts_at, affects: scenario.fault.affects, summary: scenario.fault.summary },
    };
    facilitatorStatics.set(game, statics);
  }
  return statics;
}
