import type { Game } from '../compile/game.ts';
import { branchesOf } from '../scenario/scenario-parts.ts';
import { sceneOf } from '../session/phase.ts';
import type { SessionState } from '../session/state.ts';
import type { MapEdge, MapNode } from './view.ts';

// 1.1's graded branches get their own edges; 1.0's success and failure keep their marks.
const BRANCH_MARKS = {
  critical_success: '✓✓',
  complication: '✓!',
  success: '✓',
  critical_failure: '✗✗',
  failure: '✗',
} as const;

// Every projection draws the map, and the scenario's edges never change: work them out once per game.
const edgesOf = new WeakMap<Game, readonly Omit<MapEdge, 'taken'>[]>();

/** Every edge the scenario allows: a choice's goto and each check branch's goto. Cached by game. */
function allEdges(game: Game): readonly Omit<MapEdge, 'taken'>[] {
  const cached = edgesOf.get(game);
  if (cached) return cached;
  const edges: Omit<MapEdge, 'taken'>[] = [];
  for (const scene of game.scenario.scenes) {
    for (const choice of scene.choices ?? []) {
      const targets = choice.check
        ? branchesOf(choice.check).map(({ key, branch }) => ({
            to: branch.goto ?? choice.goto,
            label: `${choice.label} ${BRANCH_MARKS[key]}`,
          }))
        : [{ to: choice.goto, label: choice.label }];
      for (const t of targets) edges.push({ from: scene.id, to: t.to ?? scene.id, label: t.label });
    }
  }
  edgesOf.set(game, edges);
  return edges;
}

type ScenarioMap = { nodes: MapNode[]; edges: MapEdge[] };

// The map changes only when the path does, yet every projection of every command draws it: keep
// the maps drawn for each path list (the state replaces the list when it grows; the length guards
// a list a replay appends to in place).
const mapsOf = new WeakMap<Game, WeakMap<readonly string[], Map<string, ScenarioMap>>>();

/**
 * The scenario as a graph of scenes and endings with the path taken marked. The facilitator sees
 * it all; anyone else sees only the visited part, so no unvisited scene leaks. Pure; the result is
 * shared between calls, so it must not be changed.
 */
export function scenarioMap(game: Game, state: SessionState, everything: boolean): ScenarioMap {
  const current = sceneOf(state) ?? state.game.context.ending;
  const key = `${everything ? 'all' : 'seen'}|${state.path.length}|${current ?? ''}`;
  let byPath = mapsOf.get(game);
  if (!byPath) mapsOf.set(game, (byPath = new WeakMap()));
  let maps = byPath.get(state.path);
  if (!maps) byPath.set(state.path, (maps = new Map()));
  let map = maps.get(key);
  if (!map) maps.set(key, (map = drawMap(game, state.path, current, everything)));
  return map;
}

function drawMap(game: Game, path: readonly string[], current: string | null, everything: boolean): ScenarioMap {
  const visited = new Set(path);
  const taken = new Set(path.slice(1).map((to, i) => `${path[i]}→${to}`));
  const nodes: MapNode[] = [
    ...game.scenario.scenes.map((s) => ({ id: s.id, label: s.title ?? s.id, kind: 'scene' as const, outcome: null })),
    ...game.scenario.endings.map((e) => ({
      id: e.id,
      label: e.title ?? e.id,
      kind: 'ending' as const,
      outcome: e.outcome,
    })),
  ]
    .map((n) => ({ ...n, visited: visited.has(n.id), current: n.id === current }))
    .filter((n) => everything || n.visited);
  const shown = new Set(nodes.map((n) => n.id));
  const seen = new Set<string>();
  const edges = allEdges(game)
    .filter((e) => shown.has(e.from) && shown.has(e.to))
    .map((e) => ({ ...e, taken: taken.has(`${e.from}→${e.to}`) }))
    .filter((e) => everything || e.taken)
    .filter((e) => {
      const key = `${e.from}→${e.to}→${e.label}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { nodes, edges };
}
