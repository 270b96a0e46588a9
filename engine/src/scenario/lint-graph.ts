import type { Reporter } from './reporter.ts';
import { branchesOf, targetsOf } from './scenario-parts.ts';
import type { Ending, MarkableMilestone, Scenario, Scene } from './schema.ts';

/** What a playthrough can reach, following every choice's goto from `start`. */
export interface Reach {
  scenes: ReadonlySet<string>;
  endings: ReadonlySet<string>;
}

/**
 * Scenes reachable from `start` through choices (both branches of a check), and endings reached
 * by a goto from one of them or by a `when` condition (checked in every scene). A worklist, so a
 * long chain of scenes never deepens the call stack. Conditions on choices are assumed satisfiable.
 */
export function reachable(scenario: Scenario): Reach {
  const byId = new Map(scenario.scenes.map((s) => [s.id, s]));
  const endingIds = new Set(scenario.endings.map((e) => e.id));
  const scenes = new Set<string>();
  const endings = new Set<string>();
  const work = byId.has(scenario.start) ? [scenario.start] : [];
  for (let id = work.pop(); id !== undefined; id = work.pop()) {
    if (scenes.has(id)) continue;
    scenes.add(id);
    for (const choice of [...(byId.get(id)?.choices ?? []), ...(scenario.actions ?? [])]) {
      for (const { goto } of targetsOf(choice)) {
        if (byId.has(goto) && !scenes.has(goto)) work.push(goto);
        else if (endingIds.has(goto)) endings.add(goto);
      }
    }
  }
  if (scenes.size > 0) for (const e of scenario.endings) if (e.when) endings.add(e.id);
  return { scenes, endings };
}

function unreachableScenes(scenario: Scenario, reach: Reach, report: Reporter): void {
  scenario.scenes.forEach((scene, i) => {
    if (!reach.scenes.has(scene.id)) {
      report.at(
        'CQ2007',
        ['scenes', i, 'id'],
        `the scene '${scene.id}' cannot be reached from start '${scenario.start}': no choice in a reachable scene leads to it. Add a goto to it, or remove the scene.`,
      );
    }
  });
}

function deadEnds(scenario: Scenario, report: Reporter): void {
  scenario.scenes.forEach((scene, i) => {
    if ((scene.choices ?? []).length === 0 && (scenario.actions ?? []).length === 0) {
      report.at(
        'CQ2008',
        ['scenes', i, 'id'],
        `the scene '${scene.id}' has no choices, so the party can never leave it. Add a choice, or a goto to an ending.`,
      );
    }
  });
}

/** CQ2009/CQ2010, or CQ2017 for endings that no path reaches when another of their outcome is fine. */
function endingsByOutcome(scenario: Scenario, reach: Reach, report: Reporter): void {
  const silenced = new Set<Ending>();
  for (const [outcome, code] of [
    ['success', 'CQ2009'],
    ['failure', 'CQ2010'],
  ] as const) {
    const all = scenario.endings.filter((e) => e.outcome === outcome);
    if (all.some((e) => reach.endings.has(e.id))) continue;
    const first = all[0];
    if (!first) {
      report.at(
        code,
        ['endings'],
        `there is no ${outcome} ending; add one with \`outcome: ${outcome}\` and a choice that leads to it.`,
        'key',
      );
      continue;
    }
    all.forEach((e) => silenced.add(e));
    const names = all.map((e) => `'${e.id}'`).join(', ');
    report.at(
      code,
      ['endings', scenario.endings.indexOf(first), 'id'],
      `no ${outcome} ending can be reached: no choice in a reachable scene leads to ${names}. Add a goto to ${all.length === 1 ? 'it' : 'one of them'}.`,
    );
  }
  scenario.endings.forEach((e, i) => {
    if (!reach.endings.has(e.id) && !silenced.has(e)) {
      report.at(
        'CQ2017',
        ['endings', i, 'id'],
        `the ending '${e.id}' can never be reached: no choice in a reachable scene leads to it. Add a goto to it, give it a \`when\`, or remove it.`,
      );
    }
  });
}

/** Whether a reachable scene, choice, branch or ending marks `milestone`. */
function marks(scenario: Scenario, reach: Reach, milestone: MarkableMilestone): boolean {
  const scenes = scenario.scenes.filter((s: Scene) => reach.scenes.has(s.id));
  const inScenes = scenes.some(
    (s) =>
      s.milestone === milestone ||
      [...(s.choices ?? []), ...(scenario.actions ?? [])].some(
        (c) =>
          c.milestone === milestone || (c.check && branchesOf(c.check).some((b) => b.branch.milestone === milestone)),
      ),
  );
  return inScenes || scenario.endings.some((e) => reach.endings.has(e.id) && e.milestone === milestone);
}

const MILESTONE_ADVICE: Record<'detected' | 'resolved', string> = {
  detected:
    'add `milestone: detected` to the scene where the team first sees the evidence, so time to detect is measured the same way in every run',
  resolved:
    'add `milestone: resolved` to the scene, choice or success ending where the fault is fixed, so time to resolve is measured',
};

/**
 * CQ2007–CQ2012 and CQ2017: every scene reachable and able to move on, a success and a failure
 * ending within reach, and the fault's detection and resolution marked somewhere reachable.
 */
export function lintGraph(scenario: Scenario, report: Reporter): void {
  deadEnds(scenario, report);
  // Without a valid start nothing is reachable; CQ2006 already says so.
  if (!scenario.scenes.some((s) => s.id === scenario.start)) return;
  const reach = reachable(scenario);
  unreachableScenes(scenario, reach, report);
  endingsByOutcome(scenario, reach, report);
  if (!marks(scenario, reach, 'detected'))
    report.at(
      'CQ2011',
      ['fault'],
      `nothing reachable marks the fault 'detected'; ${MILESTONE_ADVICE.detected}.`,
      'key',
    );
  if (!marks(scenario, reach, 'resolved'))
    report.at(
      'CQ2012',
      ['fault'],
      `nothing reachable marks the fault 'resolved'; ${MILESTONE_ADVICE.resolved}.`,
      'key',
    );
}
