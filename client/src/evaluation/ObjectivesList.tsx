import type { ExerciseView, ObjectiveView, TaskStatus } from '@chaos-quest/engine';
import { RATING_LABELS } from '@chaos-quest/engine/client';
import { Icon } from '../ui/Icon.tsx';

const STATUS_LOOK: Record<TaskStatus, { icon: 'check' | 'cross' | 'clock' | 'eye'; text: string }> = {
  met: { icon: 'check', text: 'met' },
  missed: { icon: 'cross', text: 'missed' },
  open: { icon: 'clock', text: 'not yet' },
  judged: { icon: 'eye', text: 'for evaluators to judge' },
};

/** The consolidated rating an objective has so far: the most challenged of its evaluators' ratings. */
export function ratingOf(exercise: ExerciseView, objective: string): 'P' | 'S' | 'M' | 'U' | null {
  const order = ['P', 'S', 'M', 'U'] as const;
  let worst = -1;
  for (const r of exercise.ratings) if (r.objective === objective) worst = Math.max(worst, order.indexOf(r.rating));
  return worst === -1 ? null : (order[worst] ?? null);
}

export function RatingBadge({ rating }: { rating: 'P' | 'S' | 'M' | 'U' | null }) {
  if (!rating) return <span className="rating-badge rating-none">Not rated</span>;
  return (
    <span className={`rating-badge rating-${rating}`} title={RATING_LABELS[rating]}>
      {rating} · {RATING_LABELS[rating]}
    </span>
  );
}

function Objective({
  objective,
  exercise,
  reasons,
}: {
  objective: ObjectiveView;
  exercise: ExerciseView;
  reasons: boolean;
}) {
  return (
    <li className="objective">
      <div className="objective-head">
        <strong>{objective.title}</strong>
        <RatingBadge rating={ratingOf(exercise, objective.id)} />
      </div>
      <small className="muted">Capability: {objective.capability}</small>
      <ul className="tasks">
        {objective.tasks.map((t) => (
          <li key={t.id} className={`task task-${t.status}`}>
            <Icon name={STATUS_LOOK[t.status].icon} size={14} /> {t.text}{' '}
            <small className="muted">
              ({STATUS_LOOK[t.status].text}
              {t.check ? `: ${t.check}` : ''})
            </small>
          </li>
        ))}
      </ul>
      {reasons
        ? exercise.ratings
            .filter((r) => r.objective === objective.id)
            .map((r) => (
              <p key={r.evaluatorId} className="rating-reason">
                <strong>{r.rating}</strong> {r.reason} <small className="muted">({r.by})</small>
              </p>
            ))
        : null}
      {objective.controls.length ? <p className="controls-tags">{objective.controls.join(' · ')}</p> : null}
    </li>
  );
}

/** The exercise's objectives, each with its critical tasks as the engine sees them, its rating so far and, with `reasons`, every evaluator's reason. */
export function ObjectivesList({ exercise, reasons = false }: { exercise: ExerciseView; reasons?: boolean }) {
  if (exercise.objectives.length === 0)
    return <p className="empty">This exercise has no objectives: add them when you create the session.</p>;
  return (
    <ul className="objectives">
      {exercise.objectives.map((o) => (
        <Objective key={o.id} objective={o} exercise={exercise} reasons={reasons} />
      ))}
    </ul>
  );
}
