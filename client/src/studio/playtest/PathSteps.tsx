import type { TestStep } from '@chaos-quest/engine';
import { describeStep } from '@chaos-quest/engine';

/**
 * The path so far, one step a row, each with "Back to here" (keeps the path up to and including that
 * step, so the author can take another branch after it). Steps past `fitting` no longer replay.
 */
export function PathSteps({
  steps,
  fitting,
  onBack,
}: {
  steps: readonly TestStep[];
  fitting: number;
  onBack(index: number): void;
}) {
  if (steps.length === 0) return <p className="empty small">No steps yet: pick an action above.</p>;
  return (
    <ol className="playtest-steps" aria-label="Path">
      {steps.map((s, i) => (
        <li key={i} className={i < fitting ? undefined : 'unfit'}>
          <span className="step-text">{describeStep(s)}</span>
          {i < fitting && i < steps.length - 1 ? (
            <button
              type="button"
              className="button small quiet"
              onClick={() => onBack(i)}
              aria-label={`Back to step ${i + 1}: ${describeStep(s)}`}
            >
              Back to here
            </button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
