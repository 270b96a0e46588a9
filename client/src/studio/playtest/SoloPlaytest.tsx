import { useEffect, useMemo } from 'react';
import type { Scenario, TestStep } from '@chaos-quest/engine';
import { ActorActions } from './ActorActions.tsx';
import { PathSteps } from './PathSteps.tsx';
import { PlaytestState } from './PlaytestState.tsx';
import { playtestModel } from './playtest-model.ts';
import { SaveTest } from './SaveTest.tsx';
import './playtest.css';

/**
 * The studio's solo playtest: one author plays the facilitator and every role at once, through the
 * same steps a scenario's `tests:` use. The path lives in the parent, so a reload of the file replays
 * the same steps on its new version and says where they no longer fit.
 *
 * Props:
 * - `scenario`: the parsed scenario, or null while the file does not parse (the path is kept).
 * - `steps`: the path so far, as `tests:` steps (`{ choose: x, roll: 14, by: role }`, `{ advance: 15 }`, …).
 * - `onStepsChange(steps)`: the author took an action (the path plus one step), went back to a step
 *   (the path up to and including it), restarted (empty) or dropped the steps that no longer fit.
 * - `onPathChange(sceneIds)`: the scene ids the path has entered in order (with repeats), then the
 *   ending's id once reached: for the graph's highlight. Called whenever that list changes.
 * - `onSaveTest(yamlText)`: "Save path as test" at an ending: one `tests:` item, starting `- name:`,
 *   to append under the file's `tests:`; `runScenarioTest` passes on it.
 * - `seed`: the dice's seed (default "studio"): a path without typed rolls throws the same dice on
 *   every replay. `parameters`: format 1.1's session parameters; the scenario's defaults when left out.
 */
export interface SoloPlaytestProps {
  scenario: Scenario | null;
  steps: TestStep[];
  onStepsChange(steps: TestStep[]): void;
  onPathChange(sceneIds: string[]): void;
  onSaveTest(yamlText: string): void;
  seed?: string;
  parameters?: Record<string, string>;
}

export function SoloPlaytest({ scenario, ...rest }: SoloPlaytestProps) {
  if (!scenario)
    return (
      <section className="solo-playtest" aria-label="Solo playtest">
        <p className="empty">The file does not parse: fix its errors to playtest it. Your path is kept.</p>
      </section>
    );
  return <Playing scenario={scenario} {...rest} />;
}

function Playing({
  scenario,
  steps,
  onStepsChange,
  onPathChange,
  onSaveTest,
  seed = 'studio',
  parameters,
}: SoloPlaytestProps & { scenario: Scenario }) {
  // By value: a parent that builds a new, equal parameters object each render must not replay the path.
  const parametersKey = JSON.stringify(parameters ?? null);
  const model = useMemo(
    () => playtestModel(scenario, steps, { seed, ...(parameters ? { parameters } : {}) }),
    [scenario, steps, seed, parametersKey],
  );
  const { replay, summary, groups } = model;
  const pathKey = summary.path.join('\n');
  useEffect(() => {
    onPathChange(pathKey === '' ? [] : pathKey.split('\n'));
    // Only a change of the path itself is news to the graph, not a new callback from the parent.
  }, [pathKey]);
  // Acting while part of the path no longer fits plays on from where it still does.
  const take = (step: TestStep) => onStepsChange([...steps.slice(0, replay.states.length), step]);
  return (
    <section className="solo-playtest" aria-label="Solo playtest">
      <div className="playtest-bar">
        <h2>Solo playtest</h2>
        <button type="button" className="button small" onClick={() => onStepsChange([])} disabled={steps.length === 0}>
          Restart
        </button>
      </div>
      {replay.broken ? (
        <div className="playtest-broken" role="alert">
          <p>
            {replay.broken.index < 0
              ? `The table cannot be set up: ${replay.broken.message}`
              : `The path no longer fits at step ${replay.broken.index + 1}: ${replay.broken.message}`}
          </p>
          {replay.broken.index >= 0 ? (
            <button
              type="button"
              className="button small"
              onClick={() => onStepsChange(steps.slice(0, replay.broken?.index ?? steps.length))}
            >
              {replay.broken.index + 1 === steps.length
                ? `Drop step ${steps.length}`
                : `Drop steps ${replay.broken.index + 1}–${steps.length}`}
            </button>
          ) : null}
        </div>
      ) : null}
      <PlaytestState summary={summary} />
      {summary.ending ? (
        <SaveTest
          key={steps.length}
          summary={summary}
          steps={steps.slice(0, replay.states.length)}
          state={replay.state}
          parameters={parameters}
          onSave={onSaveTest}
        />
      ) : (
        <div className="playtest-actors">
          {groups.map((group) => (
            <ActorActions key={group.id} group={group} onTake={take} />
          ))}
        </div>
      )}
      <PathSteps steps={steps} fitting={replay.states.length} onBack={(i) => onStepsChange(steps.slice(0, i + 1))} />
    </section>
  );
}
