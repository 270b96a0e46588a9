import type { CardView, DeadlineView, DecksView, FacilitatorView, ModuleView } from '@chaos-quest/engine';
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

function Card({ card }: { card: CardView }) {
  return (
    <li className="deck-card">
      <span className="deck-card-title">{card.title}</span>
      {card.deck ? <span className="muted"> ({card.deck})</span> : null}
      {card.text ? <p className="deck-card-text">{card.text}</p> : null}
      {card.notes ? <p className="deck-card-notes muted">{card.notes}</p> : null}
    </li>
  );
}

/** What was dealt face down at setup (only the facilitator sees it), what was drawn, and what is left. */
function Decks({ decks }: { decks: DecksView }) {
  const drawn = [...decks.drawn].reverse();
  return (
    <section className="decks" aria-label="Cards">
      {decks.dealt.length > 0 ? (
        <>
          <h3>Dealt at setup</h3>
          <ul className="deck-cards" aria-label="Cards dealt at setup">
            {decks.dealt.map((card) => (
              <Card key={`${card.deck ?? ''}:${card.id}`} card={card} />
            ))}
          </ul>
        </>
      ) : null}
      <h3>Drawn</h3>
      {drawn.length === 0 ? <p className="muted">No card drawn yet.</p> : null}
      <ul className="deck-cards" aria-label="Cards drawn, newest first" hidden={drawn.length === 0}>
        {drawn.map((card, i) =>
          card.id === null ? (
            <li key={drawn.length - i} className="deck-card muted">
              The {card.deck} deck was empty: no card.
            </li>
          ) : (
            <Card key={drawn.length - i} card={card} />
          ),
        )}
      </ul>
      <p className="deck-left muted">Left: {decks.decks.map((d) => `${d.id} ${d.left}`).join(' · ')}</p>
    </section>
  );
}

/**
 * What a format 1.1 story runs on, for the one who runs it: the module and its discussion
 * questions, the turn, counters, deadlines with the game time left, session parameters, and the
 * cards dealt and drawn.
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
      {story.decks ? <Decks decks={story.decks} /> : null}
    </Panel>
  );
}
