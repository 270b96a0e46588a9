import type { EscalationStep } from '@chaos-quest/engine';
import { formatGameMinutes } from '../time/format.ts';

/** Who to escalate to, in order, and after how long. */
export function EscalationPath({ steps }: { steps: readonly EscalationStep[] }) {
  if (steps.length === 0) return <p className="empty">This scenario has no escalation path.</p>;
  return (
    <ol className="escalation">
      {[...steps]
        .sort((a, b) => a.level - b.level)
        .map((s) => (
          <li key={`${s.level}-${s.who}`}>
            <span className="escalation-level" aria-label={`Level ${s.level}`}>
              L{s.level}
            </span>
            <span className="escalation-who">
              {s.who}
              {s.contact ? <small>{s.contact}</small> : null}
            </span>
            <span className="escalation-after">
              {s.after === 0 ? 'at once' : `after ${formatGameMinutes(s.after)}`}
            </span>
          </li>
        ))}
    </ol>
  );
}
