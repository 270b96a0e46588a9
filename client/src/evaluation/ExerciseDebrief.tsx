import type { View } from '@chaos-quest/engine';
import { Panel } from '../ui/Panel.tsx';
import { AreaVotes } from './AreaVotes.tsx';
import { CorrectiveForm } from './CorrectiveForm.tsx';
import { HotwashForm } from './HotwashForm.tsx';
import { HotwashResults } from './HotwashResults.tsx';
import { ObjectivesList } from './ObjectivesList.tsx';
import { ObservationList } from './ObservationList.tsx';
import { PlanTable } from './PlanTable.tsx';
import { SignOffPanel } from './SignOffPanel.tsx';
import { TeamActions } from './TeamActions.tsx';
import './evaluation.css';

/** A player's part of the debrief's hot wash, near the top of their screen: their form, then the vote on areas to improve. */
export function PlayerHotwash({ view }: { view: Extract<View, { viewer: 'player' }> }) {
  const hotwash = view.hotwash;
  const submitted = view.me.hotwash?.submitted ?? false;
  const open = view.phase === 'debrief' && !hotwash?.signedOff;
  return (
    <Panel title="Hot wash" icon="chat" className="hotwash-panel">
      {open && !submitted ? <HotwashForm anonymous={hotwash?.anonymous ?? false} /> : null}
      {submitted ? <p className="done-note">Thank you: your feedback is in.</p> : null}
      {!open && !submitted ? <p className="empty">The hot wash is closed.</p> : null}
      {hotwash ? (
        <>
          <h3 className="sub-head">Areas to improve</h3>
          <AreaVotes hotwash={hotwash} mine={submitted || hotwash.open ? (view.me.hotwash?.votes ?? []) : null} />
        </>
      ) : null}
    </Panel>
  );
}

/** The facilitator's part of the exercise's debrief: ratings, observations, the hot wash's forms, the improvement plan and sign-off. */
export function ExerciseDebrief({
  view,
  token,
  sessionId,
}: {
  view: View;
  token: string | null;
  sessionId?: string | undefined;
}) {
  if (view.viewer !== 'facilitator' || !view.exercise || !token || !sessionId) return null;
  const exercise = view.exercise;
  const frozen = exercise.signedOff !== null;
  return (
    <div className="exercise-debrief">
      <div className="debrief-grid">
        <div>
          <Panel title="Objectives and ratings" icon="flag">
            <ObjectivesList exercise={exercise} reasons />
            {exercise.ratings.length ? null : (
              <p className="muted small">Evaluators rate each objective from their screens.</p>
            )}
          </Panel>
          <Panel title="Hot wash" icon="chat">
            <HotwashResults exercise={exercise} />
          </Panel>
        </div>
        <div>
          <Panel title={`Evaluators’ observations (${exercise.observations.length})`} icon="eye">
            <ObservationList exercise={exercise} clock={view.clock} />
          </Panel>
          <Panel title="Sign-off and evidence" icon="lock">
            <SignOffPanel exercise={exercise} sessionId={sessionId} token={token} />
          </Panel>
        </div>
      </div>
      <Panel title="Improvement plan" icon="list">
        {frozen ? null : <CorrectiveForm exercise={exercise} />}
        <PlanTable exercise={exercise} />
      </Panel>
      <Panel title="The team’s corrective actions, across game days" icon="list">
        <TeamActions sessionId={sessionId} token={token} revision={String(exercise.corrective.length)} />
      </Panel>
    </div>
  );
}
