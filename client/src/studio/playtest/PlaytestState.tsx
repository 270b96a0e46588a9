import type { ReactNode } from 'react';
import type { StateSummary } from '@chaos-quest/engine';
import { spanLabel } from '@chaos-quest/engine/client';

const DEADLINE_WORDS = { waiting: 'not started', running: 'running', met: 'met', missed: 'missed' } as const;

/** Where the path stands: scene, clock, milestones, ending, and the story's flags, counters and deadlines. */
export function PlaytestState({ summary }: { summary: StateSummary }) {
  const flags = Object.entries(summary.flags);
  const counters = Object.entries(summary.counters);
  return (
    <div className="playtest-state" aria-label="Playtest state">
      <dl className="playtest-facts">
        <dt>Scene</dt>
        <dd>
          {summary.ending
            ? 'none: the game has ended'
            : summary.scene
              ? `${summary.scene.title} (${summary.scene.id})`
              : summary.phase}
        </dd>
        <dt>Clock</dt>
        <dd>
          {summary.clock.label} <span className="muted small">+{summary.clock.minutes} min</span>
        </dd>
        {summary.module ? (
          <>
            <dt>Module</dt>
            <dd>
              {summary.module.title} ({summary.module.index} of {summary.module.count}), turn {summary.turn}
            </dd>
          </>
        ) : null}
        <dt>Milestones</dt>
        <dd>{summary.milestones.length > 0 ? summary.milestones.join(', ') : 'none yet'}</dd>
      </dl>
      {summary.ending ? (
        <p className={`playtest-ending outcome-${summary.ending.outcome ?? 'none'}`}>
          Ending reached: <strong>{summary.ending.title}</strong> ({summary.ending.outcome ?? 'no outcome'})
        </p>
      ) : null}
      {flags.length > 0 ? (
        <Labelled label="Flags">
          {flags.map(([flag, on]) => (
            <li key={flag} className={on ? 'on' : 'off'}>
              {flag}: {on ? 'set' : 'clear'}
            </li>
          ))}
        </Labelled>
      ) : null}
      {counters.length > 0 ? (
        <Labelled label="Counters">
          {counters.map(([counter, value]) => (
            <li key={counter}>
              {counter}: {value}
            </li>
          ))}
        </Labelled>
      ) : null}
      {summary.deadlines.length > 0 ? (
        <Labelled label="Deadlines">
          {summary.deadlines.map((d) => (
            <li key={d.id} className={`deadline-${d.state}`}>
              {d.title}: {DEADLINE_WORDS[d.state]}
              {d.state === 'running' && d.left !== null ? `, ${spanLabel(d.left)} left` : ''}
            </li>
          ))}
        </Labelled>
      ) : null}
    </div>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="playtest-list">
      <span className="muted small">{label}</span>
      <ul className="playtest-chips" aria-label={label}>
        {children}
      </ul>
    </div>
  );
}
