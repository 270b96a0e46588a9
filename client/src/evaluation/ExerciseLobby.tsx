import type { FacilitatorView } from '@chaos-quest/engine';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Panel } from '../ui/Panel.tsx';
import { EvaluatorLink } from './EvaluatorLink.tsx';
import { TeamActions } from './TeamActions.tsx';
import { useFacilitatorSeat } from './use-facilitator-seat.ts';
import './evaluation.css';

/** Before play: the exercise's plan and objectives, the evaluators' link, the hot wash's anonymity, and what earlier game days left to do. */
export function ExerciseLobby({ view }: { view: FacilitatorView }) {
  const seat = useFacilitatorSeat();
  const exercise = view.exercise;
  if (!seat) return null;
  return (
    <>
      {exercise ? (
        <Panel title="Exercise" icon="flag">
          <p>
            {exercise.plan
              ? `Testing ${exercise.plan.name}, version ${exercise.plan.version}.`
              : 'No plan under test was named when the session was created.'}{' '}
            {exercise.objectives.length} objectives: {exercise.objectives.map((o) => o.title).join('; ')}.
          </p>
          <h3 className="sub-head">Evaluators</h3>
          {exercise.evaluators.length ? (
            <p>Seated: {exercise.evaluators.map((e) => e.name).join(', ')}</p>
          ) : (
            <p className="muted small">
              None yet. Evaluators watch, note strengths and areas for improvement, and rate each objective.
            </p>
          )}
          <EvaluatorLink sessionId={seat.sessionId} token={seat.token} />
          <h3 className="sub-head">Hot wash</h3>
          <div className="button-row">
            <CommandButton
              control="hotwash.configure"
              command={{ type: 'hotwash.configure', anonymous: !exercise.hotwash.anonymous }}
              pressed={exercise.hotwash.anonymous}
            >
              {exercise.hotwash.anonymous ? 'Feedback forms are anonymous' : 'Make feedback forms anonymous'}
            </CommandButton>
          </div>
        </Panel>
      ) : null}
      <Panel title="Corrective actions from earlier game days" icon="list">
        <TeamActions sessionId={seat.sessionId} token={seat.token} revision="lobby" />
      </Panel>
    </>
  );
}
