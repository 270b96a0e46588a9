import { readFileSync, writeFileSync } from 'node:fs';
import {
  asPlayerId,
  createSession,
  sha256,
  step,
  viewFor,
  type Scenario,
  type SessionState,
  type Viewer,
} from '@chaos-quest/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from './library.ts';
import { GOLDEN_PATHS } from './paths/index.ts';
import { pathLog } from './play-path.ts';

/**
 * Every view of every golden path, at every step, for every viewer (the facilitator, an observer
 * and each seated player), hashed and compared with view-hashes.json. It pins the bytes the
 * server sends: a refactor of the projection (splitting a player's view into the role's shared
 * part and their own `me`, say) must not change them. Run with UPDATE_GOLDEN=1 to rewrite the
 * hashes after an intended change to what a viewer sees.
 */

const FILE = new URL('./view-hashes.json', import.meta.url);
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const recorded = UPDATE ? {} : (JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, string>);
const computed: Record<string, string> = {};
const library = loadLibrary();

afterAll(() => {
  if (!UPDATE) return;
  const sorted = Object.fromEntries(Object.entries(computed).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(FILE, `${JSON.stringify(sorted, null, 2)}\n`);
});

function viewersOf(state: SessionState): Viewer[] {
  const players = Object.keys(state.players).map((playerId): Viewer => ({
    kind: 'player',
    playerId: asPlayerId(playerId),
  }));
  return [{ kind: 'facilitator' }, { kind: 'observer' }, ...players];
}

/** One hash over the JSON of every viewer's view after every command of the path. */
function viewsHash(scenario: Scenario, text: string, path: (typeof GOLDEN_PATHS)[number]['paths'][number]): string {
  let state = createSession(scenario, path.seed, {
    scenarioHash: sha256(text),
    team: 'golden',
    createdAt: 1_700_000_000_000,
  });
  const frames: string[] = [];
  for (const entry of pathLog(scenario, path)) {
    const result = step(scenario, state, entry);
    if (!result.ok)
      throw new Error(`${scenario.id}/${path.name}: command ${entry.seq} refused: ${result.error.message}`);
    state = result.state;
    for (const viewer of viewersOf(state)) frames.push(JSON.stringify(viewFor(scenario, state, viewer)));
  }
  return sha256(frames.join('\n'));
}

describe.each(GOLDEN_PATHS.map((p) => [p.scenario, p] as const))('the views of %s', (id, { paths }) => {
  it.each(paths.map((p) => [p.name, p] as const))(
    '%s: every viewer sees the recorded bytes at every step',
    (name, path) => {
      const shipped = library.find((s) => s.scenario?.id === id);
      if (!shipped?.scenario) throw new Error(`scenarios/${id}.yaml is missing or does not parse`);
      const key = `${id}/${name}`;
      computed[key] = viewsHash(shipped.scenario, shipped.text, path);
      if (UPDATE) return;
      expect(
        computed[key],
        `${key}: views drifted from view-hashes.json; if intended, run UPDATE_GOLDEN=1 npx vitest run tests/golden`,
      ).toBe(recorded[key]);
    },
  );
});
