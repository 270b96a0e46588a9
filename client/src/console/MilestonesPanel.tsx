import { useId, useState } from 'react';
import type { DetectionSource, FacilitatorView, MarkableMilestone } from '@chaos-quest/engine';
import { useCommand } from '../session/SessionProvider.tsx';
import { formatWallTime, gameClockAt } from '../time/format.ts';
import { CommandButton } from '../ui/CommandButton.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';

const MARKABLE = { detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' } satisfies Record<
  MarkableMilestone,
  string
>;
const SOURCES = {
  team: 'by the team',
  monitoring: 'by monitoring',
  customer: 'by a customer',
  facilitator: 'by you',
} satisfies Record<DetectionSource, string>;

function MarkControl({ milestone }: { milestone: MarkableMilestone }) {
  const { send, busy, error } = useCommand(`milestone.mark:${milestone}`);
  const [source, setSource] = useState<DetectionSource>('team');
  const id = useId();
  return (
    <span className="mark-control">
      {milestone === 'detected' ? (
        <>
          <label htmlFor={id} className="sr-only">
            Detected by
          </label>
          <select id={id} value={source} onChange={(e) => setSource(e.target.value as DetectionSource)}>
            {Object.entries(SOURCES).map(([k, text]) => (
              <option key={k} value={k}>
                {text}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button
        type="button"
        className="button small"
        disabled={busy}
        onClick={() =>
          void send({ type: 'milestone.mark', milestone, ...(milestone === 'detected' ? { source } : {}) })
        }
      >
        <Icon name="flag" size={14} /> Mark {MARKABLE[milestone].toLowerCase()}
      </button>
      <FieldError message={error} />
    </span>
  );
}

/** The practice incident's milestones (mark what the story has reached) and players' declarations. */
export function MilestonesPanel({ view }: { view: FacilitatorView }) {
  const names = Object.fromEntries(view.players.map((p) => [p.id, p.name]));
  return (
    <div className="milestones-panel">
      <ul className="milestone-list">
        {(Object.keys(MARKABLE) as MarkableMilestone[]).map((m) => {
          const at = view.milestones[m];
          return (
            <li key={m} className={at ? 'reached' : 'open'}>
              <span className="milestone-name">
                <Icon name={at ? 'check' : 'circle'} size={14} /> {MARKABLE[m]}
              </span>
              {at ? (
                <span className="milestone-at">
                  {gameClockAt(view.clock, at.game)} · {formatWallTime(at.wall)} · {at.source}
                </span>
              ) : (
                <MarkControl milestone={m} />
              )}
            </li>
          );
        })}
      </ul>
      <h3>Declarations</h3>
      {view.declarations.length === 0 ? <p className="empty">No one has declared anything yet.</p> : null}
      <ul className="declarations">
        {[...view.declarations].reverse().map((d) => (
          <li key={d.id} className={`declaration status-${d.status}`}>
            <span>
              <strong>{names[d.playerId] ?? 'A player'}</strong> declared{' '}
              {d.kind === 'incident' ? 'an incident' : d.kind} at {gameClockAt(view.clock, d.at.game)}
              {d.note ? <span className="note">: {d.note}</span> : null}
            </span>
            {d.status === 'pending' ? (
              <CommandButton
                control={`declaration.confirm:${d.id}`}
                command={{ type: 'declaration.confirm', declarationId: d.id }}
                variant="primary"
              >
                Confirm {d.kind}
              </CommandButton>
            ) : (
              <span className="declaration-status">
                <Icon
                  name={d.status === 'false-alarm' ? 'warn' : d.status === 'rejected' ? 'cross' : 'check'}
                  size={13}
                />{' '}
                {d.status === 'false-alarm' ? 'false alarm' : d.status}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
