import { useId } from 'react';
import type { TestStep } from '@chaos-quest/engine';
import { describeStep } from '@chaos-quest/engine';

interface StepsProps {
  steps: readonly TestStep[];
  fitting: number;
  onBack(index: number): void;
}

/**
 * The path so far, one step a row, each with "Back to here" (keeps the path up to and including that
 * step, so the author can take another branch after it). Steps past `fitting` no longer replay.
 */
export function PathSteps({ steps, fitting, onBack }: StepsProps) {
  const id = useId();
  return (
    <section className="playtest-path" aria-labelledby={id}>
      <h3 id={id}>Path ({steps.length === 1 ? '1 step' : `${steps.length} steps`})</h3>
      {steps.length === 0 ? (
        <p className="empty small">No steps yet: pick an action above.</p>
      ) : (
        <Steps steps={steps} fitting={fitting} onBack={onBack} />
      )}
    </section>
  );
}

function Steps({ steps, fitting, onBack }: StepsProps) {
  return (
    <ol className="playtest-steps">
      {steps.map((s, i) => (
        <li key={i} className={i < fitting ? undefined : 'unfit'}>
          <span className="step-text">
            <span className="step-number">{i + 1}.</span>
            {describeStep(s)}
          </span>
          {i < fitting && i < steps.length - 1 ? (
            <button
              type="button"
              className="button small quiet"
              onClick={() => onBack(i)}
              aria-label={`Back to here, step ${i + 1}: ${describeStep(s)}`}
            >
              Back to here
            </button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
