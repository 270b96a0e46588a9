import { useId, useState } from 'react';
import type { Declaration, View } from '@chaos-quest/engine';
import { phaseRefusal } from '../session/readable-error.ts';
import { useCommand } from '../session/SessionProvider.tsx';
import { DisabledReason } from '../ui/DisabledReason.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';

const KINDS = [
  { kind: 'incident', label: 'Declare incident' },
  { kind: 'mitigated', label: 'Declare mitigated' },
  { kind: 'resolved', label: 'Declare resolved' },
] as const;

const STATUS_TEXT: Record<Declaration['status'], string> = {
  accepted: 'recorded',
  pending: 'waiting for the facilitator to confirm',
  confirmed: 'confirmed',
  rejected: 'not confirmed by the facilitator',
  'false-alarm': 'recorded as a false alarm (nothing was wrong yet)',
};

const STATUS_ICON: Record<Declaration['status'], 'check' | 'warn' | 'clock' | 'cross'> = {
  accepted: 'check',
  pending: 'clock',
  confirmed: 'check',
  rejected: 'cross',
  'false-alarm': 'warn',
};

const SOURCES = [
  { source: '', label: 'Choose…' },
  { source: 'alert', label: 'An alert or page' },
  { source: 'dashboard', label: 'A dashboard' },
  { source: 'customer', label: 'A customer report' },
  { source: 'other', label: 'Something else' },
] as const;

/** Declare the incident, then mitigation and resolution: these timestamps become the run's metrics. */
export function DeclarePanel({
  mine,
  waiting = [],
  alerts = [],
  phase,
}: {
  mine: readonly Declaration[];
  /** Other players' declarations waiting for the facilitator: the table knows one is on its way. */
  waiting?: readonly { id: string; name: string; kind: Declaration['kind'] }[];
  alerts?: readonly { key: string; text: string }[];
  phase?: View['phase'];
}) {
  const { send, busy, error, clearError } = useCommand('incident.declare');
  const [note, setNote] = useState('');
  const [source, setSource] = useState<(typeof SOURCES)[number]['source']>('');
  const [alert, setAlert] = useState('');
  const id = useId();
  const sourceId = useId();
  const alertId = useId();
  const reasonId = useId();
  const reason = phase === 'paused' ? phaseRefusal('incident.declare', 'paused') : null;
  const declare = (kind: (typeof KINDS)[number]['kind']) => {
    const told = kind === 'incident' && source ? { source, ...(source === 'alert' && alert ? { alert } : {}) } : {};
    void send({ type: 'incident.declare', kind, ...(note.trim() ? { note: note.trim() } : {}), ...told }).then(
      (ok) => ok && setNote(''),
    );
  };
  return (
    <div className="declare">
      <label htmlFor={sourceId}>What told you?</label>
      <select
        id={sourceId}
        value={source}
        onChange={(e) => setSource(SOURCES.find((s) => s.source === e.target.value)?.source ?? '')}
      >
        {SOURCES.map((s) => (
          <option key={s.source} value={s.source}>
            {s.label}
          </option>
        ))}
      </select>
      {source === 'alert' && alerts.length ? (
        <>
          <label htmlFor={alertId}>Which alert?</label>
          <select id={alertId} value={alert} onChange={(e) => setAlert(e.target.value)}>
            <option value="">Choose…</option>
            {alerts.map((a) => (
              <option key={a.key} value={a.key}>
                {a.text.slice(0, 80)}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <label htmlFor={id}>Note (optional)</label>
      <input
        id={id}
        value={note}
        maxLength={500}
        placeholder="What makes you say so?"
        onChange={(e) => {
          setNote(e.target.value);
          clearError();
        }}
      />
      <div className="declare-buttons">
        {KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            className={`button ${k.kind === 'incident' ? 'danger' : 'secondary'}`}
            disabled={busy || reason !== null}
            aria-describedby={reason ? reasonId : undefined}
            onClick={() => declare(k.kind)}
          >
            <Icon name={k.kind === 'incident' ? 'megaphone' : 'flag'} size={16} /> {k.label}
          </button>
        ))}
      </div>
      <DisabledReason reason={reason} id={reasonId} />
      <FieldError message={error} />
      {mine.length ? (
        <ul className="my-declarations">
          {mine.map((d) => (
            <li key={d.id} className={`declaration status-${d.status}`}>
              <Icon name={STATUS_ICON[d.status]} size={14} /> You declared{' '}
              {d.kind === 'incident' ? 'an incident' : d.kind}: {STATUS_TEXT[d.status]}
              {d.answer?.reason ? <span className="note"> “{d.answer.reason}”</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {waiting.length ? (
        <ul className="my-declarations">
          {waiting.map((d) => (
            <li key={d.id} className="declaration status-pending">
              <Icon name="clock" size={14} /> {d.name} declared {d.kind === 'incident' ? 'an incident' : d.kind}:
              waiting for the facilitator
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
