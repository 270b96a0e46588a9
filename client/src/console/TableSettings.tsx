import { useId, useState, type FormEvent } from 'react';
import type { FacilitatorView } from '@chaos-quest/engine';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';

/** One of the session's switches: it shows the setting the server holds, and asks to change it. */
function Setting(props: { checked: boolean; busy: boolean; label: string; onChange(checked: boolean): void }) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.busy}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

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
      <Setting
        checked={table.locked}
        busy={busy}
        onChange={(locked) => void send({ type: 'table.configure', locked })}
        label="Lock joining: newcomers watch as audience (seated players still reconnect)"
      />
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
      <Setting
        checked={table.autoPause}
        busy={busy}
        onChange={(autoPause) => void send({ type: 'table.configure', autoPause })}
        label="Pause by itself when every console drops for 10 s"
      />
      <FieldError message={error} />
    </div>
  );
}
