import { useId, useState, type ReactNode } from 'react';
import type { Declaration, DeclaredSource, FacilitatorView } from '@chaos-quest/engine';
import { declarer, TOLD } from '../board/declared-text.ts';
import { useCommand } from '../session/SessionProvider.tsx';
import { gameClockAt } from '../time/format.ts';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';
import './pending-declarations.css';

const PANEL_ID = 'pending-declarations';
const KIND = { incident: 'an incident', mitigated: 'mitigated', resolved: 'resolved' } as const;

/** Declarations waiting for the facilitator's answer, oldest first. Pure. */
const waitingIn = (view: FacilitatorView): Declaration[] => view.declarations.filter((d) => d.status === 'pending');

/** The session bar's reminder that declarations wait; a click brings their panel into view. */
export function PendingCount({ view }: { view: FacilitatorView }) {
  const count = waitingIn(view).length;
  if (count === 0) return null;
  const show = () => {
    const panel = document.getElementById(PANEL_ID);
    panel?.scrollIntoView({ block: 'start' });
    panel?.focus();
  };
  return (
    <button type="button" className="button small pending-count" onClick={show}>
      <Icon name="megaphone" size={14} /> {count} waiting for you
    </button>
  );
}

/**
 * Players' declarations waiting for the facilitator (the incident commander's need none): each
 * stays here until confirmed as made, confirmed with another source or minute, or rejected.
 */
export function PendingDeclarations({ view }: { view: FacilitatorView }) {
  const waiting = waitingIn(view);
  if (waiting.length === 0) return null;
  return (
    <section id={PANEL_ID} className="panel pending-declarations" aria-labelledby={`${PANEL_ID}-title`} tabIndex={-1}>
      <header className="panel-head">
        <h2 id={`${PANEL_ID}-title`}>
          <Icon name="megaphone" size={15} /> Waiting for your answer ({waiting.length})
        </h2>
      </header>
      <ul>
        {waiting.map((d) => (
          <PendingItem key={d.id} declaration={d} view={view} />
        ))}
      </ul>
    </section>
  );
}

type Mode = 'ask' | 'change' | 'reject';

function PendingItem({ declaration: d, view }: { declaration: Declaration; view: FacilitatorView }) {
  const [mode, setMode] = useState<Mode>('ask');
  const player = view.players.find((p) => p.id === d.playerId);
  const role = view.scenario.roles.find((r) => r.id === player?.role)?.name ?? null;
  const page = d.alert ? view.injects.find((i) => i.key === d.alert) : undefined;
  const at = gameClockAt(view.clock, d.at.game);
  return (
    <li className="pending-item">
      <p className="pending-what">
        <strong>{declarer(player?.name ?? 'A player', role)}</strong> declares {KIND[d.kind]} at {at}
        {d.source ? <> from {TOLD[d.source]}</> : null}
        {page ? <span className="pending-page">{page.text}</span> : null}
        {d.note ? <span className="note">“{d.note}”</span> : null}
      </p>
      {mode === 'ask' ? <Answer declaration={d} at={at} onMode={setMode} /> : null}
      {mode === 'change' ? <ChangeForm declaration={d} view={view} onCancel={() => setMode('ask')} /> : null}
      {mode === 'reject' ? <RejectForm declaration={d} onCancel={() => setMode('ask')} /> : null}
    </li>
  );
}

function Answer({ declaration: d, at, onMode }: { declaration: Declaration; at: string; onMode: (m: Mode) => void }) {
  const { send, busy, error } = useCommand(`declaration.confirm:${d.id}`);
  return (
    <div className="pending-actions">
      <button
        type="button"
        className="button primary"
        disabled={busy}
        onClick={() => void send({ type: 'declaration.confirm', declarationId: d.id })}
      >
        <Icon name="check" size={14} /> Confirm at {at}
      </button>
      <button type="button" className="button secondary" onClick={() => onMode('change')}>
        Change source or time…
      </button>
      <button type="button" className="button quiet" onClick={() => onMode('reject')}>
        <Icon name="cross" size={14} /> Reject…
      </button>
      <FieldError message={error} />
    </div>
  );
}

/** A form's answer button, a way back to the three choices, and the server's refusal if any. */
function FormEnd({ children, error, onCancel }: { children: ReactNode; error: string | null; onCancel: () => void }) {
  return (
    <>
      <div className="pending-actions">
        {children}
        <button type="button" className="button quiet" onClick={onCancel}>
          Back
        </button>
      </div>
      <FieldError message={error} />
    </>
  );
}

/** Game minutes the milestone may be set at: from the fault's onset (an incident) up to now, newest first. */
function minutesFor(view: FacilitatorView, d: Declaration): number[] {
  const first = Math.max(d.kind === 'incident' ? view.fault.startsAt : -Infinity, view.clock.minutes - 240);
  const out: number[] = [];
  for (let m = view.clock.minutes; m >= first; m--) out.push(m);
  return out;
}

function ChangeForm({
  declaration: d,
  view,
  onCancel,
}: {
  declaration: Declaration;
  view: FacilitatorView;
  onCancel: () => void;
}) {
  const { send, busy, error } = useCommand(`declaration.confirm:${d.id}`);
  const [source, setSource] = useState<DeclaredSource | ''>(d.source ?? '');
  const [alert, setAlert] = useState(d.alert ?? '');
  const [minute, setMinute] = useState(d.at.game);
  const ids = { source: useId(), alert: useId(), minute: useId() };
  const pages = view.injects.filter((i) => i.page);
  const confirm = () =>
    void send({
      type: 'declaration.confirm',
      declarationId: d.id,
      minute,
      ...(source ? { source } : {}),
      ...(source === 'alert' && alert ? { alert } : {}),
    });
  return (
    <div className="pending-form">
      <label htmlFor={ids.source}>What told them</label>
      <select id={ids.source} value={source} onChange={(e) => setSource(e.target.value as DeclaredSource | '')}>
        {d.source ? null : <option value="">Not said</option>}
        {(Object.keys(TOLD) as DeclaredSource[]).map((s) => (
          <option key={s} value={s}>
            {TOLD[s]}
          </option>
        ))}
      </select>
      {source === 'alert' && pages.length ? (
        <>
          <label htmlFor={ids.alert}>Which alert</label>
          <select id={ids.alert} value={alert} onChange={(e) => setAlert(e.target.value)}>
            <option value="">Not said</option>
            {pages.map((p) => (
              <option key={p.key} value={p.key}>
                {gameClockAt(view.clock, p.at.game)} {p.text.slice(0, 70)}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <label htmlFor={ids.minute}>At</label>
      <select id={ids.minute} value={minute} onChange={(e) => setMinute(Number(e.target.value))}>
        {minutesFor(view, d).map((m) => (
          <option key={m} value={m}>
            {gameClockAt(view.clock, m)}
            {m === d.at.game ? ' (when declared)' : ''}
          </option>
        ))}
      </select>
      <FormEnd error={error} onCancel={onCancel}>
        <button type="button" className="button primary" disabled={busy} onClick={confirm}>
          <Icon name="check" size={14} /> Confirm with these
        </button>
      </FormEnd>
    </div>
  );
}

function RejectForm({ declaration: d, onCancel }: { declaration: Declaration; onCancel: () => void }) {
  const { send, busy, error } = useCommand(`declaration.reject:${d.id}`);
  const [reason, setReason] = useState('');
  const id = useId();
  const reject = () =>
    void send({ type: 'declaration.reject', declarationId: d.id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  return (
    <div className="pending-form">
      <label htmlFor={id}>Why not (the whole table reads it; optional)</label>
      <input
        id={id}
        value={reason}
        maxLength={300}
        placeholder="That spike is the nightly batch job"
        onChange={(e) => setReason(e.target.value)}
      />
      <FormEnd error={error} onCancel={onCancel}>
        <button type="button" className="button danger" disabled={busy} onClick={reject}>
          <Icon name="cross" size={14} /> Reject
        </button>
      </FormEnd>
    </div>
  );
}
