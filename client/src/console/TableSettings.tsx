import { useId, useState, type FormEvent } from 'react';
import type { FacilitatorView } from '@chaos-quest/engine';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';

/**
 * Who may join and what happens if the console drops, changeable at any time: lock joining (players
 * already seated still reconnect), cap the table (newcomers past it watch as audience), auto-pause.
 */
export function TableSettings({ view }: { view: FacilitatorView }) {
  const { send, busy, error } = useCommand('table.configure');
  const { table } = view;
  const sitting = view.players.filter((p) => !p.audience).length;
  const watching = view.players.length - sitting;
  const [cap, setCap] = useState(table.cap === null ? '' : String(table.cap));
  const capId = useId();
  const saveCap = (event: FormEvent) => {
    event.preventDefault();
    const value = cap.trim() === '' ? null : Number(cap);
    void send({ type: 'table.configure', cap: value });
  };
  return (
    <div className="table-settings">
      <p className="muted small">
        {sitting} at the table{table.cap === null ? '' : ` of ${table.cap}`}
        {watching ? ` · ${watching} watching` : ''}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={table.locked}
          disabled={busy}
          onChange={(e) => void send({ type: 'table.configure', locked: e.target.checked })}
        />
        <span>Lock joining: newcomers watch as audience (seated players still reconnect)</span>
      </label>
      <form className="inline-field" onSubmit={saveCap}>
        <label htmlFor={capId}>Seats at the table</label>
        <input
          id={capId}
          type="number"
          min={1}
          max={100}
          inputMode="numeric"
          value={cap}
          placeholder="no cap"
          onChange={(e) => setCap(e.target.value)}
        />
        <button type="submit" className="button small" disabled={busy}>
          Set
        </button>
      </form>
      <label className="check">
        <input
          type="checkbox"
          checked={table.autoPause}
          disabled={busy}
          onChange={(e) => void send({ type: 'table.configure', autoPause: e.target.checked })}
        />
        <span>Pause by itself when every console drops for 10 s</span>
      </label>
      <FieldError message={error} />
    </div>
  );
}
