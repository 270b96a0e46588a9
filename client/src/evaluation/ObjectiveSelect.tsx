import { useId } from 'react';
import type { ExerciseView } from '@chaos-quest/engine';

interface Props {
  exercise: ExerciseView;
  /** An objective's id, or '' for none. */
  value: string;
  onChange(value: string): void;
  disabled?: boolean;
}

/** Picks one of the exercise's objectives, or none ("General"). */
export function ObjectiveSelect({ exercise, value, onChange, disabled = false }: Props) {
  const id = useId();
  return (
    <span className="field">
      <label htmlFor={id}>Objective</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        <option value="">General (no objective)</option>
        {exercise.objectives.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
    </span>
  );
}
