import { useCallback, useEffect, useState } from 'react';
import type { TrackedAction } from '@chaos-quest/engine';
import { downloadFile } from '../api/download.ts';
import { messageOf } from '../api/http.ts';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';
import { changeActionStatus, sessionPath, teamActions } from './exercise-api.ts';

const STATUS_TEXT = { open: 'Open', done: 'Done', 'wont-do': 'Won’t do' } as const;

function ActionRow({
  action,
  onChange,
}: {
  action: TrackedAction;
  onChange(change: Parameters<typeof changeActionStatus>[2]): void;
}) {
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  return (
    <li className={`tracked-action status-${action.status}`}>
      <div className="tracked-head">
        <strong>{action.action}</strong>
        <span className={`status-chip status-${action.status}`}>{STATUS_TEXT[action.status]}</span>
      </div>
      <small className="muted">
        {action.objectiveTitle ?? 'General'} · {action.element} · {action.priority} priority · {action.owner} (
        {action.organisation}) · due {action.due}
      </small>
      {action.reason ? <small className="muted">Won’t do: {action.reason}</small> : null}
      {action.retest ? (
        <small className="retested">
          <Icon name="check" size={12} /> Retested by a later run
          {action.retest.rating ? `, rated ${action.retest.rating}` : ''}
        </small>
      ) : null}
      <div className="button-row">
        {action.status !== 'done' ? (
          <button type="button" className="button small" onClick={() => onChange({ key: action.key, status: 'done' })}>
            Mark done
          </button>
        ) : null}
        {action.status !== 'open' ? (
          <button type="button" className="button small" onClick={() => onChange({ key: action.key, status: 'open' })}>
            Reopen
          </button>
        ) : null}
        {action.status !== 'wont-do' && !asking ? (
          <button type="button" className="button small quiet" onClick={() => setAsking(true)}>
            Won’t do…
          </button>
        ) : null}
      </div>
      {asking ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            onChange({ key: action.key, status: 'wont-do', reason: reason.trim() });
            setAsking(false);
          }}
        >
          <input
            aria-label="Why it won’t be done"
            value={reason}
            maxLength={500}
            required
            onChange={(e) => setReason(e.target.value)}
            placeholder="Why it won’t be done (goes into the record)"
          />
          <button type="submit" className="button small" disabled={reason.trim() === ''}>
            Save
          </button>
        </form>
      ) : null}
    </li>
  );
}

/**
 * The team's corrective actions from every game day, with their status, and the tracker exports.
 * `revision` reloads the list when the session adds one.
 */
export function TeamActions({ sessionId, token, revision }: { sessionId: string; token: string; revision: string }) {
  const [list, setList] = useState<{ team: string; actions: TrackedAction[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    teamActions(sessionId, token).then(setList, (e: unknown) => setError(messageOf(e)));
  }, [sessionId, token]);
  useEffect(() => {
    load();
    // The tracker is written just after the view that shows a new action: look again shortly.
    const again = window.setTimeout(load, 1000);
    return () => window.clearTimeout(again);
  }, [load, revision]);
  const change = (next: Parameters<typeof changeActionStatus>[2]) => {
    setError(null);
    changeActionStatus(sessionId, token, next).then(load, (e: unknown) => setError(messageOf(e)));
  };
  const download = (file: string) =>
    downloadFile(sessionPath(sessionId, file), { token }, file).catch((e: unknown) => setError(messageOf(e)));
  const open = list?.actions.filter((a) => a.status === 'open').length ?? 0;
  return (
    <div className="team-actions">
      {list === null ? <p className="loading">Loading corrective actions…</p> : null}
      {list && list.actions.length === 0 ? (
        <p className="empty">
          No corrective actions for {list.team ? `team ${list.team}` : 'sessions without a team'} yet.
        </p>
      ) : null}
      {list && list.actions.length > 0 ? (
        <>
          <p className="muted small">
            {open} open of {list.actions.length} for {list.team ? `team ${list.team}` : 'sessions without a team'},
            across game days.
          </p>
          <ul className="tracked-actions">
            {list.actions.map((a) => (
              <ActionRow key={a.key} action={a} onChange={change} />
            ))}
          </ul>
          <div className="button-row">
            <button type="button" className="button small" onClick={() => void download('corrective-actions.csv')}>
              <Icon name="download" size={14} /> Tracker CSV (Jira columns)
            </button>
            <button type="button" className="button small" onClick={() => void download('corrective-actions.json')}>
              <Icon name="download" size={14} /> JSON
            </button>
          </div>
        </>
      ) : null}
      <FieldError message={error} />
    </div>
  );
}
