import type { RollRecord } from '@chaos-quest/engine';
import { Icon } from '../ui/Icon.tsx';
import { criticalOf } from './outcome.ts';

interface Verdict {
  className: string;
  text: string;
  icon: 'check' | 'cross' | 'dice' | 'spark';
}

/** The verdict in words; a natural 20 or 1 says so, and still names the check's result when it differs. */
function verdict(roll: RollRecord): Verdict {
  const critical = criticalOf(roll);
  if (critical === 'critical-success' && roll.success !== false)
    return { className: 'success', text: 'Critical success', icon: 'spark' };
  if (critical === 'critical-failure' && roll.success !== true)
    return { className: 'failure', text: 'Critical failure', icon: 'cross' };
  if (roll.success === null) return { className: 'neutral', text: `Rolled ${roll.total}`, icon: 'dice' };
  const natural = critical ? `Natural ${roll.natural}, yet ` : '';
  return roll.success
    ? { className: 'success', text: `${natural}${natural ? 'success' : 'Success'}`, icon: 'check' }
    : { className: 'failure', text: `${natural}${natural ? 'failure' : 'Failure'}`, icon: 'cross' };
}

/**
 * The latest dice roll, animated once when it appears (keyed by its seq, so a new roll replays
 * the animation): the die tumbles, the natural roll lands, then the modifiers and the verdict.
 */
export function RollCard({
  roll,
  narration = null,
  large = false,
}: {
  roll: RollRecord;
  /** What the story said happened (the check's outcome narration), from the timeline. */
  narration?: string | null;
  large?: boolean;
}) {
  const v = verdict(roll);
  const critical = criticalOf(roll) ?? '';
  const sum = roll.modifiers.map((m) => `${m.add >= 0 ? '+' : '−'} ${Math.abs(m.add)}`).join(' ');
  return (
    <div key={roll.seq} className={`roll-card ${v.className} ${critical} ${large ? 'large' : ''}`} aria-live="polite">
      <p className="roll-label">
        <Icon name="dice" size={15} /> {roll.label}
        {roll.physical ? <small> · rolled at the table</small> : null}
      </p>
      <div className="roll-stage">
        <span className="die" aria-hidden="true">
          <span className="die-face">{roll.natural}</span>
        </span>
        <div className="roll-math">
          <span className="roll-natural">
            {roll.dice} shows <strong>{roll.natural}</strong>
          </span>
          {roll.modifiers.length ? (
            <ul className="roll-modifiers">
              {roll.modifiers.map((m) => (
                <li key={m.label}>
                  {m.add >= 0 ? `+${m.add}` : `−${Math.abs(m.add)}`} {m.label}
                </li>
              ))}
            </ul>
          ) : null}
          <span className="roll-total">
            {roll.modifiers.length ? `${roll.natural} ${sum} = ` : 'Total '}
            <strong>{roll.total}</strong>
            {roll.target !== null ? ` against ${roll.target}` : ''}
          </span>
        </div>
        <span className={`roll-verdict ${v.className}`}>
          <Icon name={v.icon} size={large ? 30 : 22} />
          {v.text}
        </span>
      </div>
      {narration ? <p className="roll-narration">{narration}</p> : null}
    </div>
  );
}
