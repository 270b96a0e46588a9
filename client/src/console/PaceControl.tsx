import { useId, useState } from 'react';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';

/** Paced mode: the server moves the game clock one minute every N seconds until turned off. */
export function PaceControl({ pace }: { pace: number | null }) {
  const { send, busy, error, clearError } = useCommand('clock.pace');
  const [seconds, setSeconds] = useState(String(pace ?? 30));
  const id = useId();
  return (
    <div className="pace-control">
      <label htmlFor={id}>Seconds per game minute</label>
      <div className="inline-field">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={600}
          value={seconds}
          onChange={(e) => {
            setSeconds(e.target.value);
            clearError();
          }}
        />
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void send({ type: 'clock.pace', secondsPerMinute: Number(seconds) })}
        >
          {pace === null ? 'Run the clock' : 'Change pace'}
        </button>
        {pace !== null ? (
          <button
            type="button"
            className="button quiet"
            disabled={busy}
            onClick={() => void send({ type: 'clock.pace', secondsPerMinute: null })}
          >
            Stop paced mode
          </button>
        ) : null}
      </div>
      <FieldError message={error} />
    </div>
  );
}
