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
  'false-alarm': 'recorded as a false alarm (nothing was wrong yet)',
};

/** Declare the incident, then mitigation and resolution: these timestamps become the run's metrics. */
export function DeclarePanel({ mine, phase }: { mine: readonly Declaration[]; phase?: View['phase'] }) {
  const { send, busy, error, clearError } = useCommand('incident.declare');
  const [note, setNote] = useState('');
  const id = useId();
  const reasonId = useId();
  const reason = phase === 'paused' ? phaseRefusal('incident.declare', 'paused') : null;
  const declare = (kind: (typeof KINDS)[number]['kind']) => {
    void send({ type: 'incident.declare', kind, ...(note.trim() ? { note: note.trim() } : {}) }).then((ok) => ok && setNote(''));
  };
  return (
    <div className="declare">
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
              <Icon name={d.status === 'false-alarm' ? 'warn' : 'check'} size={14} /> You declared {d.kind === 'incident' ? 'an incident' : d.kind}: {STATUS_TEXT[d.status]}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
