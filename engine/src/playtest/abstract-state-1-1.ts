import type { Game } from '../compile/game.ts';
import { dueAt, timingOf, type InjectTiming } from '../compile/story-1-1.ts';
import { conditions, effects } from '../scenario/scenario-parts.ts';
import { MILESTONES, type Milestone } from '../scenario/schema-atoms.ts';
import type { Condition, Scenario } from '../scenario/schema.ts';
import type { GameContext } from '../session/state.ts';

/**
 * What of format 1.1's state the scenario's guards can tell apart, beside the 1.0 abstraction:
 * counters (exact inside the range their conditions compare, saturated outside it), milestones,
 * deadlines, cooldowns, the module, parameters, injects whose firing changes something, and the
 * minutes left to every relative time (a deadline, time since a flag, an inject due after entering
 * a scene or module, an expiry, a cooldown), in a few bands of each one's length, so the state
 * space stays finite and small.
 */
export interface Abstraction1_1 {
  /** Counters some condition reads, with the range inside which their exact value is kept. */
  counters: Map<string, { lo: number; hi: number }>;
  /** Flags some `minutes_since` reads, with the minutes it compares. */
  since: Map<string, number[]>;
  /**
   * Injects whose firing or missing changes what a guard can see (an effect, or a page to acknowledge),
   * or that the lint asks about (a `when`: does it ever fire?).
   */
  injects: { timing: InjectTiming; scene: string | null }[];
  /** Milestones some condition reads. */
  milestonesRead: Milestone[];
  /** Each deadline's length in game minutes. */
  deadlines: Map<string, number>;
  hasModules: boolean;
  hasParameters: boolean;
}

interface Reads {
  cuts: Map<string, number[]>;
  since: Map<string, number[]>;
  milestones: Set<Milestone>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => map.set(key, [...(map.get(key) ?? []), value]);

function readsOf(condition: Condition, into: Reads): void {
  const stack = [condition];
  for (let c = stack.pop(); c; c = stack.pop()) {
    if ('counter' in c) {
      // The value flips the condition at `at_least` and just past `at_most`.
      if (c.at_least !== undefined) push(into.cuts, c.counter, c.at_least);
      if (c.at_most !== undefined) push(into.cuts, c.counter, c.at_most + 1);
    } else if ('minutes_since' in c) push(into.since, c.minutes_since, c.at_least);
    else if ('milestone' in c) into.milestones.add(c.milestone);
    else if ('not' in c) stack.push(c.not);
    else if ('all' in c) stack.push(...c.all);
    else if ('any' in c) stack.push(...c.any);
  }
}

/** A counter's exact range: every cut, its start and every value assigned to it, with one below. */
function counterRanges(scenario: Scenario, cuts: Map<string, number[]>): Map<string, { lo: number; hi: number }> {
  const assigned = new Map<string, number[]>();
  for (const { value } of effects(scenario))
    for (const [name, n] of Object.entries(value.assign ?? {})) push(assigned, name, n);
  const ranges = new Map<string, { lo: number; hi: number }>();
  for (const [name, at] of cuts) {
    const values = [...at, scenario.counters?.[name] ?? 0, ...(assigned.get(name) ?? [])];
    ranges.set(name, { lo: Math.min(...values) - 1, hi: Math.max(...values) });
  }
  return ranges;
}

/** The 1.1 abstraction of a scenario's states. Pure. */
export function abstraction1_1(game: Game): Abstraction1_1 {
  const { scenario } = game;
  const reads: Reads = { cuts: new Map(), since: new Map(), milestones: new Set() };
  for (const { value } of conditions(scenario)) readsOf(value, reads);
  const acknowledgedRead = reads.milestones.has('acknowledged');
  const injects = [...game.injects.values()]
    .filter(
      ({ inject }) =>
        inject.effect !== undefined || inject.when !== undefined || (acknowledgedRead && inject.page === true),
    )
    .map(({ inject, scene, module }) => ({ timing: timingOf(inject, module), scene }));
  return {
    counters: counterRanges(scenario, reads.cuts),
    since: reads.since,
    injects,
    milestonesRead: MILESTONES.filter((m) => reads.milestones.has(m)),
    deadlines: new Map((scenario.deadlines ?? []).map((d) => [d.id, d.minutes])),
    hasModules: (scenario.modules?.length ?? 0) > 0,
    hasParameters: (scenario.parameters?.length ?? 0) > 0,
  };
}

/**
 * The relative times still ahead of the clock at which some guard may change its answer, by name:
 * a running deadline's end, a flag's `minutes_since`, an inject falling due or expiring (only the
 * current scene's, or a scenario's or module's), a cooldown's end. Pure.
 */
export function timersAhead(
  abs: Abstraction1_1,
  scene: string | null,
  context: GameContext,
): [name: string, at: number, length: number][] {
  const clock = context.clock;
  const out: [string, number, number][] = [];
  const ahead = (name: string, at: number, length: number) => {
    if (at > clock) out.push([name, at, Math.max(1, length)]);
  };
  // A cooldown keys as running or not (one band): only its end opens anything, and waiting reaches it.
  for (const [id, d] of Object.entries(context.deadlines ?? {})) {
    const minutes = abs.deadlines.get(id) ?? 0;
    if (d.state === 'running') ahead(`d:${id}`, d.since + minutes, minutes);
  }
  for (const [flag, minutes] of abs.since) {
    const set = context.flags[flag] ? context.flagsSetAt?.[flag] : undefined;
    if (set !== undefined) for (const m of minutes) ahead(`s:${flag}:${m}`, set + m, m);
  }
  for (const { timing, scene: of } of abs.injects) {
    if (of !== null && of !== scene) continue;
    if (context.revealed.includes(timing.inject) || context.missed?.includes(timing.inject)) continue;
    const due = dueAt(context, timing);
    if (due === null) continue;
    ahead(`i:${timing.inject}`, due, timing.after ?? due);
    if (timing.expires !== null) ahead(`x:${timing.inject}`, due + timing.expires + 1, timing.expires + 1);
  }
  for (const [choice, until] of Object.entries(context.cooldowns ?? {}))
    if (until.clock !== undefined) ahead(`c:${choice}`, until.clock, Infinity);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * Minutes left on a relative timer are keyed in this many bands of its length (a quarter of a
 * 72-hour deadline is 18 hours), not to the minute: exact minutes multiplied the states by every
 * clock reading. Within a band the earliest clock stands for the rest, as for the static thresholds.
 */
const BANDS = 4;

/** The key of a 1.1 state's parts, beside `abstractKey`'s. Pure. */
export function abstractKey1_1(abs: Abstraction1_1, scene: string | null, context: GameContext): string {
  const parts: string[] = [];
  for (const [name, { lo, hi }] of abs.counters)
    parts.push(`${name}=${Math.min(hi, Math.max(lo, context.counters?.[name] ?? 0))}`);
  const reached = context.reached ?? [];
  parts.push(`r:${abs.milestonesRead.filter((m) => reached.includes(m)).join(',')}`);
  for (const [id, d] of Object.entries(context.deadlines ?? {}).sort()) parts.push(`d:${id}=${d.state}`);
  for (const { timing } of abs.injects) {
    if (context.revealed.includes(timing.inject)) parts.push(`+${timing.inject}`);
    else if (context.missed?.includes(timing.inject)) parts.push(`-${timing.inject}`);
  }
  const turns = context.turns ?? 0;
  for (const [choice, until] of Object.entries(context.cooldowns ?? {}).sort())
    if (until.turn !== undefined && until.turn > turns) parts.push(`t:${choice}=${until.turn - turns}`);
  for (const [name, at, length] of timersAhead(abs, scene, context))
    parts.push(`${name}@${Math.ceil(((at - context.clock) * BANDS) / length)}`);
  if (abs.hasModules) parts.push(`m:${context.module ?? ''}`);
  if (abs.hasParameters) parts.push(`p:${JSON.stringify(context.parameters ?? {})}`);
  return parts.join('|');
}
