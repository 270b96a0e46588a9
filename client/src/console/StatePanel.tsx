import type { DeadlineView, FacilitatorView, ModuleView } from '@chaos-quest/engine';
import { spanLabel } from '@chaos-quest/engine/client';
import { formatWallDuration, gameClockAt } from '../time/format.ts';
import { Panel } from '../ui/Panel.tsx';

const DEADLINE_WORDS = { waiting: 'not started', running: 'running', met: 'met', missed: 'missed' } as const;

function Deadline({ deadline, clock }: { deadline: DeadlineView; clock: FacilitatorView['clock'] }) {
  const detail =
    deadline.state === 'running' && deadline.left !== null && deadline.due !== null
      ? `${spanLabel(deadline.left)} left, due ${gameClockAt(clock, deadline.due)}`
      : deadline.state === 'waiting'
        ? `runs ${spanLabel(deadline.left ?? 0)} once it starts`
        : DEADLINE_WORDS[deadline.state];
  return (
    <li className={`deadline deadline-${deadline.state}`}>
      <span className="deadline-title">{deadline.title}</span> <span className="muted">{detail}</span>
    </li>
  );
}

function Module({ module, lastAt }: { module: ModuleView; lastAt: number }) {
  const spent = Math.max(0, lastAt - module.startedAt);
  return (
    <section className="module" aria-label="Current module">
      <h3>
        Module {module.index} of {module.count}: {module.title}
      </h3>
      <p className="muted">
        {formatWallDuration(spent)} spent so far{module.budget !== null ? ` · budget ${module.budget} min` : ''}
      </p>
      {module.questions.length > 0 ? (
        <ol className="module-questions" aria-label="Discussion questions">
          {module.questions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/**
 * What a format 1.1 story runs on, for the one who runs it: the module and its discussion
 * questions, the turn, counters, deadlines with the game time left, and session parameters.
 */
export function StatePanel({ view }: { view: FacilitatorView }) {
  const story = view.story;
  if (!story) return null;
  // Views carry no wall clock of their own: the newest entry's stamp is the session's latest step.
  const lastAt = view.timeline.at(-1)?.at.wall ?? story.module?.startedAt ?? 0;
  const counters = Object.entries(story.counters);
  return (
    <Panel title="Story state" icon="flag">
      {story.module ? <Module module={story.module} lastAt={lastAt} /> : null}
      <dl className="story-state">
        <dt>Choices applied</dt>
        <dd>{story.turn}</dd>
        {counters.map(([name, value]) => (
          <div key={name} className="counter">
            <dt>
              <code>{name}</code>
            </dt>
            <dd>{value}</dd>
          </div>
        ))}
        {story.parameters.map((p) => (
          <div key={p.id} className="parameter">
            <dt>{p.label}</dt>
            <dd>{p.value}</dd>
          </div>
        ))}
      </dl>
      {story.deadlines.length > 0 ? (
        <ul className="deadlines" aria-label="Deadlines">
          {story.deadlines.map((d) => (
            <Deadline key={d.id} deadline={d} clock={view.clock} />
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
