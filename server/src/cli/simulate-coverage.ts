import { formatOdds, successOdds, type Scenario } from '@chaos-quest/engine';
import type { Playthrough } from './bot-playthrough.ts';

/** How often the bots took each choice, saw each inject and rolled each check, against the exact odds. */
export interface Coverage {
  choices: { id: string; scene: string; runs: number; taken: number; untested: boolean }[];
  injects: { id: string; scene: string | null; runs: number; untested: boolean }[];
  checks: {
    choice: string;
    dice: string;
    target: number;
    rolls: number;
    /** The exact chance of success, averaged over the modifiers each roll was made with (null if never rolled). */
    expected: number | null;
    /** The exact odds with no modifier, as "7 in 20 (35%)". */
    bare: string;
    observed: number | null;
  }[];
  /** Per scene: choices that kept the party there, per visit. */
  selfLoops: { scene: string; loops: number; visits: number; perVisit: number }[];
  /** Scenes where some run found every choice closed, and in how many runs. */
  deadEnds: { scene: string; runs: number }[];
  /** Stuck runs by the scene they stopped in. */
  stuckIn: { scene: string; runs: number }[];
  /** Each card of each deck (and each option a deal can give a parameter): how often it was dealt and drawn. */
  cards: { deck: string; card: string; dealt: number; drawn: number }[];
  /** Draws that found their deck empty, by deck. */
  emptyDraws: { deck: string; draws: number }[];
}

/** Every card a run can meet: each deck's cards, then the options of a parameter dealt without a deck. */
function cardList(scenario: Scenario): { deck: string; card: string }[] {
  const decks = Object.entries(scenario.decks ?? {}).flatMap(([deck, cards]) =>
    cards.map((c) => ({ deck, card: c.id })),
  );
  const options = (scenario.deal ?? []).flatMap((deal) => {
    if (deal.deck !== undefined || deal.parameter === undefined) return [];
    const parameter = scenario.parameters?.find((p) => p.id === deal.parameter);
    return (parameter?.options ?? []).map((card) => ({ deck: deal.parameter as string, card }));
  });
  return [...decks, ...options];
}

function cardCounts(scenario: Scenario, runs: readonly Playthrough[]): Pick<Coverage, 'cards' | 'emptyDraws'> {
  const met = runs.flatMap((r) => r.cards);
  const times = (deck: string, card: string | null, how: 'dealt' | 'drawn') =>
    met.filter((c) => c.deck === deck && c.card === card && c.how === how).length;
  const cards = cardList(scenario).map(({ deck, card }) => ({
    deck,
    card,
    dealt: times(deck, card, 'dealt'),
    drawn: times(deck, card, 'drawn'),
  }));
  const emptyDraws = Object.keys(scenario.decks ?? {}).flatMap((deck) => {
    const draws = times(deck, null, 'drawn');
    return draws === 0 ? [] : [{ deck, draws }];
  });
  return { cards, emptyDraws };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const countBy = (values: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([scene, runs]) => ({ scene, runs }));
};

/** Aggregates what the runs covered. Pure. */
export function coverage(scenario: Scenario, runs: readonly Playthrough[]): Coverage {
  const choices = scenario.scenes.flatMap((scene) =>
    (scene.choices ?? []).map((c) => {
      const taken = runs.reduce((n, r) => n + r.choices.filter((id) => id === c.id).length, 0);
      const inRuns = runs.filter((r) => r.choices.includes(c.id)).length;
      return { id: c.id, scene: scene.id, runs: inRuns, taken, untested: taken === 0 };
    }),
  );
  const allInjects = [
    ...(scenario.injects ?? []).map((i) => ({ id: i.id, scene: null })),
    ...scenario.scenes.flatMap((s) => (s.injects ?? []).map((i) => ({ id: i.id, scene: s.id }))),
  ];
  const injects = allInjects.map(({ id, scene }) => {
    const seen = runs.filter((r) => r.injects.includes(id)).length;
    return { id, scene, runs: seen, untested: seen === 0 };
  });
  const checks = scenario.scenes.flatMap((scene) =>
    (scene.choices ?? []).flatMap((c) => {
      const check = c.check;
      if (!check) return [];
      const rolls = runs.flatMap((r) => r.rolls.filter((x) => x.choice === c.id));
      const chance = (add: number) => {
        const { hits, of } = successOdds(check.dice, check.target, add);
        return hits / of;
      };
      const n = rolls.length;
      return [
        {
          choice: c.id,
          dice: check.dice,
          target: check.target,
          rolls: n,
          expected: n === 0 ? null : round(rolls.reduce((sum, x) => sum + chance(x.add), 0) / n),
          bare: formatOdds(successOdds(check.dice, check.target, 0)),
          observed: n === 0 ? null : round(rolls.filter((x) => x.success).length / n),
        },
      ];
    }),
  );
  const selfLoops = scenario.scenes.flatMap((s) => {
    const loops = runs.reduce((n, r) => n + r.selfLoops.filter((id) => id === s.id).length, 0);
    const visits = runs.reduce((n, r) => n + r.scenes.filter((id) => id === s.id).length, 0);
    return loops === 0 ? [] : [{ scene: s.id, loops, visits, perVisit: round(loops / Math.max(1, visits)) }];
  });
  return {
    choices,
    injects,
    checks,
    selfLoops,
    deadEnds: countBy(runs.flatMap((r) => r.deadEnds)),
    stuckIn: countBy(runs.flatMap((r) => (r.stuckIn ? [r.stuckIn] : []))),
    ...cardCounts(scenario, runs),
  };
}

const percent = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);

/** The coverage sections of the text report. */
export function formatCoverage(
  c: Coverage,
  table: (rows: string[][], right: ReadonlySet<number>) => string[],
): string[] {
  const lines = ['Choices (runs that took each, times taken)'];
  lines.push(
    ...table(
      c.choices.map((x) => [x.scene, x.id, String(x.runs), `${x.taken} taken`, x.untested ? 'UNTESTED' : '']),
      new Set([2, 3]),
    ),
    '',
  );
  const untestedInjects = c.injects.filter((i) => i.untested).map((i) => i.id);
  lines.push(
    `Injects: ${c.injects.length - untestedInjects.length} of ${c.injects.length} revealed in some run` +
      (untestedInjects.length ? `; never revealed: ${untestedInjects.join(', ')}` : ''),
    '',
  );
  if (c.checks.length > 0) {
    lines.push('Checks (exact odds for the modifiers each roll had, beside the rate the bots rolled)');
    lines.push(
      ...table(
        [
          ['choice', 'dice', 'target', 'unmodified odds', 'rolls', 'exact', 'observed'],
          ...c.checks.map((x) => [
            x.choice,
            x.dice,
            String(x.target),
            x.bare,
            String(x.rolls),
            percent(x.expected),
            percent(x.observed),
          ]),
        ],
        new Set([2, 4, 5, 6]),
      ),
      '',
    );
  }
  if (c.selfLoops.length > 0) {
    lines.push('Self-loops (choices that kept the party in the scene, per visit)');
    lines.push(
      ...table(
        c.selfLoops.map((x) => [
          x.scene,
          `${x.loops} loops`,
          `${x.visits} visits`,
          `${x.perVisit.toFixed(2)} per visit`,
        ]),
        new Set([1, 2, 3]),
      ),
      '',
    );
  }
  if (c.cards.length > 0) {
    lines.push('Cards (times dealt at setup, times drawn in play)');
    lines.push(
      ...table(
        c.cards.map((x) => [
          x.deck,
          x.card,
          `${x.dealt} dealt`,
          `${x.drawn} drawn`,
          x.dealt + x.drawn === 0 ? 'NEVER' : '',
        ]),
        new Set([2, 3]),
      ),
    );
    if (c.emptyDraws.length > 0)
      lines.push(`Draws from an empty deck: ${c.emptyDraws.map((d) => `${d.deck} ${d.draws}`).join(', ')}`);
    lines.push('');
  }
  lines.push(
    c.deadEnds.length === 0
      ? 'Dead ends: none (every scene always had an open choice).'
      : `Dead ends (every choice closed; only the clock moved the table on): ${c.deadEnds.map((d) => `${d.scene} (${d.runs} runs)`).join(', ')}`,
  );
  return lines;
}
