import { replay, runScenarioTest, sha256, stateHash, formatDiagnostic, type Scenario } from '@chaos-quest/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { readHashes, writeHashes } from './hashes.ts';
import { loadLibrary, SCHEMA_LINE, shapeOf } from './library.ts';
import { GOLDEN_PATHS } from './paths/index.ts';
import { playPath } from './play-path.ts';

/**
 * Golden replays of the shipped scenario library. Each scenario has scripted playthroughs that must
 * reach a known ending with known milestones at known game times, and whose final state hash is
 * recorded in hashes.json. Run with UPDATE_GOLDEN=1 to rewrite the hashes after an intended change.
 */

const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const library = loadLibrary();
const recorded = readHashes();
const computed: Record<string, string> = {};

afterAll(() => {
  if (UPDATE) writeHashes(computed);
});

describe('the shipped scenario library', () => {
  it('holds at least five scenarios', () => {
    expect(library.length).toBeGreaterThanOrEqual(5);
  });

  it('has golden paths for exactly the shipped scenarios', () => {
    const shipped = library.map((s) => s.scenario?.id ?? s.file).sort();
    expect(GOLDEN_PATHS.map((p) => p.scenario).sort()).toEqual(shipped);
  });

  describe.each(library.map((s) => [s.file, s] as const))('%s', (file, shipped) => {
    it('starts with the schema line and parses with zero diagnostics, warnings included', () => {
      expect(shipped.text.split('\n')[0]).toBe(SCHEMA_LINE);
      expect(shipped.diagnostics.map(formatDiagnostic)).toEqual([]);
      expect(shipped.scenario).not.toBeNull();
      expect(`${shipped.scenario?.id}.yaml`).toBe(file);
    });

    it('meets the structural minimums of a playable scenario', () => {
      const shape = shapeOf(shipped.scenario as Scenario);
      expect(shape.roles).toBeGreaterThanOrEqual(3);
      expect(shape.rolesWithoutSecrets).toEqual([]);
      expect(shape.rolesApplyingChoices).toBeGreaterThanOrEqual(1);
      expect(shape.scenes).toBeGreaterThanOrEqual(8);
      expect(shape.checks).toBeGreaterThanOrEqual(2);
      expect(shape.timedInjects).toBeGreaterThanOrEqual(1);
      expect(shape.pages).toBeGreaterThanOrEqual(1);
      expect(shape.components).toBeGreaterThanOrEqual(3);
      expect(shape.escalationLevels).toBeGreaterThanOrEqual(2);
      expect(shape.outcomes).toEqual(['failure', 'partial', 'success']);
      expect(shape.scenesWithoutNotes).toEqual([]);
      expect(shape.endingsWithoutDebrief).toEqual([]);
      expect(shape.promptsAskingWho).toEqual([]);
    });

    it('has a passing `tests:` path to every one of its endings', () => {
      const scenario = shipped.scenario as Scenario;
      const tests = scenario.tests ?? [];
      const failures = tests.flatMap((t) => {
        const { failure } = runScenarioTest(scenario, t);
        return failure ? [`${t.name}: ${failure.message}`] : [];
      });
      expect(failures).toEqual([]);
      const tested = new Set(tests.map((t) => t.expect.ending));
      expect(scenario.endings.map((e) => e.id).filter((id) => !tested.has(id))).toEqual([]);
    });
  });
});

describe.each(GOLDEN_PATHS.map((p) => [p.scenario, p] as const))('golden replays of %s', (id, { paths }) => {
  const shipped = library.find((s) => s.scenario?.id === id);

  it('covers a success and at least one ending that is not a success', () => {
    const outcomes = paths.map((p) => p.expect.outcome);
    expect(outcomes).toContain('success');
    expect(outcomes.some((o) => o !== 'success')).toBe(true);
  });

  it.each(paths.map((p) => [p.name, p] as const))(
    '%s reaches its ending with the expected milestones',
    (name, path) => {
      if (!shipped?.scenario) throw new Error(`scenarios/${id}.yaml is missing or does not parse`);
      const { state, log } = playPath(shipped.scenario, shipped.text, path);
      const context = state.game.context;
      expect({ ending: context.ending, outcome: context.outcome }).toEqual({
        ending: path.expect.ending,
        outcome: path.expect.outcome,
      });
      expect(Object.keys(state.milestones).sort()).toEqual([...path.expect.milestones].sort());
      expect(state.milestones.detected?.game ?? null).toBe(path.expect.detectedAt);
      expect(state.milestones.resolved?.game ?? null).toBe(path.expect.resolvedAt);
      expect(state.path.at(-1)).toBe(path.expect.ending);

      const hash = stateHash(state);
      const again = replay(shipped.scenario, path.seed, log, {
        scenarioHash: sha256(shipped.text),
        team: 'golden',
        createdAt: state.createdAt,
      });
      expect(again.ok && stateHash(again.state)).toBe(hash);

      const key = `${id}/${name}`;
      computed[key] = hash;
      if (!UPDATE) {
        expect(
          recorded[key],
          `no recorded hash for ${key}: run UPDATE_GOLDEN=1 npx vitest run tests/golden`,
        ).toBeDefined();
        expect(
          hash,
          `${key} drifted from hashes.json; if the change is intended, run UPDATE_GOLDEN=1 npx vitest run tests/golden`,
        ).toBe(recorded[key]);
      }
    },
  );
});

describe('hashes.json', () => {
  it('records no path that no longer exists', () => {
    const known = new Set(GOLDEN_PATHS.flatMap((s) => s.paths.map((p) => `${s.scenario}/${p.name}`)));
    // When rewriting, the file about to be written is what must hold no stale entry.
    const entries = Object.keys(UPDATE ? computed : recorded);
    expect(entries.filter((key) => !known.has(key))).toEqual([]);
  });
});
