import { useId } from 'react';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';

type Mode = 'thresholds' | 'thresholds+baseline';

/** Before play, which alerts page the team: the scenario's fixed rules, or those and the dynamic baseline. */
export function MonitoringControl({ mode }: { mode: Mode }) {
  const { send, busy, error } = useCommand('session.configure');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Monitoring</label>
      <select
        id={id}
        value={mode}
        disabled={busy}
        onChange={(e) =>
          void send({
            type: 'session.configure',
            monitoring: e.target.value === 'thresholds+baseline' ? 'thresholds+baseline' : 'thresholds',
          })
        }
      >
        <option value="thresholds">Fixed alert rules only</option>
        <option value="thresholds+baseline">Fixed rules and the dynamic baseline</option>
      </select>
      <FieldError message={error} />
    </div>
  );
}
