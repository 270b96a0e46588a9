import { useState, type FormEvent } from 'react';
import type { CheckOffer, OpenAction, TestStep } from '@chaos-quest/engine';
import { rolledStep } from './playtest-model.ts';

/** A choice with a check: its exact odds, a roll for each result it can take, any roll typed in, or the seeded dice. */
export function CheckActions({
  action,
  check,
  onTake,
}: {
  action: OpenAction;
  check: CheckOffer;
  onTake(step: TestStep): void;
}) {
  const [typed, setTyped] = useState('');
  const typedStep = rolledStep(action, typed);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typedStep) onTake(typedStep);
  };
  const signed = check.add === 0 ? '' : check.add > 0 ? ` +${check.add}` : ` ${check.add}`;
  return (
    <div className="playtest-check" role="group" aria-label={action.label}>
      <p>
        <strong>{action.label}</strong>{' '}
        <span className="muted small">
          {check.dice}
          {signed} against {check.target}: succeeds {check.odds}
        </span>
      </p>
      <div className="playtest-rolls">
        {check.rolls.map((roll) => (
          <button
            key={roll.roll}
            type="button"
            className={`button small roll-${roll.result}`}
            onClick={() => onTake(roll.step)}
          >
            {roll.label}
          </button>
        ))}
        <button type="button" className="button small quiet" onClick={() => onTake(action.step)}>
          Throw the dice
        </button>
      </div>
      <form className="playtest-roll-input" onSubmit={submit}>
        <label>
          Roll{' '}
          <input
            type="number"
            min={check.min}
            max={check.max}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-label={`Roll for ${action.choice?.id ?? 'the check'} (${check.min}–${check.max})`}
          />
        </label>
        <button type="submit" className="button small" disabled={!typedStep}>
          Apply roll
        </button>
      </form>
    </div>
  );
}
