import { useId } from 'react';
import type { OpenAction, TestStep } from '@chaos-quest/engine';
import { CheckActions } from './CheckActions.tsx';
import type { ActorGroup } from './playtest-model.ts';

/** What one actor (the facilitator or a role) can do now, as buttons that add a step to the path. */
export function ActorActions({ group, onTake }: { group: ActorGroup; onTake(step: TestStep): void }) {
  const id = useId();
  const empty = group.choices.length + group.others.length + group.gotos.length === 0;
  return (
    <section className="playtest-actor" aria-labelledby={id}>
      <h3 id={id}>{group.title}</h3>
      {empty ? <p className="empty small">Nothing to do now.</p> : null}
      {group.choices.map((action) =>
        action.choice?.check ? (
          <CheckActions key={action.choice.id} action={action} check={action.choice.check} onTake={onTake} />
        ) : (
          <ActionButton key={action.label} action={action} onTake={onTake} primary />
        ),
      )}
      {group.others.map(({ verb, actions }) => (
        <div key={verb} className="playtest-verb" role="group" aria-label={verb}>
          <span className="muted small">{verb}</span>
          {actions.map(({ action, short }) => (
            <button
              key={action.label}
              type="button"
              className="button small"
              aria-label={action.label}
              onClick={() => onTake(action.step)}
            >
              {short}
            </button>
          ))}
        </div>
      ))}
      {group.gotos.length > 0 ? (
        <details className="playtest-gotos">
          <summary>Go to another scene ({group.gotos.length})</summary>
          {group.gotos.map((action) => (
            <ActionButton key={action.label} action={action} onTake={onTake} />
          ))}
        </details>
      ) : null}
    </section>
  );
}

function ActionButton({
  action,
  onTake,
  primary = false,
}: {
  action: OpenAction;
  onTake(step: TestStep): void;
  primary?: boolean;
}) {
  return (
    <button type="button" className={`button small${primary ? ' primary' : ''}`} onClick={() => onTake(action.step)}>
      {action.label}
    </button>
  );
}
