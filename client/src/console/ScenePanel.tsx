import { useId, useState } from 'react';
import type { FacilitatorView } from '@chaos-quest/engine';
import { sceneLeadIn } from '../board/outcome.ts';
import { SceneCard } from '../board/SceneCard.tsx';
import { phaseRefusal } from '../session/readable-error.ts';
import { useCommand } from '../session/SessionProvider.tsx';
import { DisabledReason } from '../ui/DisabledReason.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';

/** Jump to any scene or ending: for when the table goes somewhere the script did not. */
export function JumpControl({ view }: { view: FacilitatorView }) {
  const { send, busy, error, clearError } = useCommand('scene.goto');
  const [target, setTarget] = useState('');
  const id = useId();
  const reasonId = useId();
  const reason = view.phase === 'paused' ? phaseRefusal('scene.goto', 'paused', 'facilitator') : null;
  const endings = view.map.nodes.filter((n) => n.kind === 'ending');
  return (
    <div className="jump">
      <label htmlFor={id}>Jump to</label>
      <div className="inline-field">
        <select
          id={id}
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            clearError();
          }}
        >
          <option value="">Choose a scene or ending…</option>
          <optgroup label="Scenes">
            {view.scenes.map((s) => (
              <option key={s.id} value={s.id} disabled={s.id === view.scene?.id}>
                {s.title}
                {s.id === view.scene?.id ? ' (now)' : ''}
              </option>
            ))}
          </optgroup>
          {endings.length ? (
            <optgroup label="Endings">
              {endings.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.label} ({n.outcome})
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
        <button
          type="button"
          className="button"
          disabled={busy || target === '' || reason !== null}
          aria-describedby={reason ? reasonId : undefined}
          onClick={() => void send({ type: 'scene.goto', sceneId: target }).then((ok) => ok && setTarget(''))}
        >
          Go
        </button>
      </div>
      <DisabledReason reason={reason} id={reasonId} />
      <FieldError message={error} />
    </div>
  );
}

/** The current scene as players see it, and the facilitator's private notes (they fold away). */
export function ScenePanel({ view }: { view: FacilitatorView }) {
  return (
    <section className="scene-panel" aria-label="Scene">
      <SceneCard scene={view.scene} paused={view.phase === 'paused'} leadIn={sceneLeadIn(view.timeline)} />
      {view.notes ? (
        <details className="facilitator-notes" open>
          <summary>
            <Icon name="lock" size={14} /> Your notes (only you see them)
          </summary>
          <p>{view.notes}</p>
        </details>
      ) : null}
    </section>
  );
}
