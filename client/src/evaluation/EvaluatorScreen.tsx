import type { FacilitatorView } from '@chaos-quest/engine';
import { SessionBar } from '../app/SessionBar.tsx';
import { formatRoute } from '../app/route.ts';
import { Icon } from '../ui/Icon.tsx';
import { Panel } from '../ui/Panel.tsx';
import type { EvaluatorSeatRecord } from './evaluator-seats.ts';
import { ObjectivesList } from './ObjectivesList.tsx';
import { ObservationForm } from './ObservationForm.tsx';
import { ObservationList } from './ObservationList.tsx';
import { RatingPanel } from './RatingPanel.tsx';
import { SignedOffBanner } from './SignedOffBanner.tsx';
import './evaluation.css';

/** Why the observation form is closed now, or null while observations are taken. */
function closedReason(view: FacilitatorView): string | null {
  if (view.exercise?.signedOff) return 'The exercise is signed off: its record is frozen.';
  if (view.phase === 'lobby' || view.phase === 'briefing') return 'Observations open when the quest starts.';
  if (view.phase === 'ended') return 'The session is closed: rate the objectives below.';
  return null;
}

/** What the evaluator works with: where the game is, the objectives, the observation form and log, and the ratings at the end. */
export function EvaluatorScreen({ view, seat }: { view: FacilitatorView; seat: EvaluatorSeatRecord }) {
  const exercise = view.exercise;
  const rating = view.phase === 'debrief' || view.phase === 'ended';
  const latest = view.injects.at(-1);
  return (
    <main className="page evaluator-screen">
      <SessionBar view={view}>
        <span className="seat-label">
          <Icon name="eye" size={14} /> Evaluator: {seat.name}
        </span>
      </SessionBar>
      {exercise?.signedOff ? <SignedOffBanner signedOff={exercise.signedOff} /> : null}
      {!exercise ? (
        <p className="empty page">This session is not set up as an exercise: it has no objectives to evaluate.</p>
      ) : (
        <div className="evaluator-grid">
          <div>
            <Panel title="Now" icon="compass">
              <p className="now-line">
                <strong>{view.scene?.title ?? (rating ? 'Debrief' : 'Not started')}</strong> · game {view.clock.label}
              </p>
              {latest ? (
                <p className="muted small">
                  Latest inject: “{latest.text}”{latest.page ? ' (page)' : ''}
                </p>
              ) : (
                <p className="muted small">No inject yet.</p>
              )}
              {view.exercise?.plan ? (
                <p className="muted small">
                  Plan under test: {view.exercise.plan.name}, version {view.exercise.plan.version}
                </p>
              ) : null}
            </Panel>
            <Panel title="Record an observation" icon="eye">
              <ObservationForm exercise={exercise} closedReason={closedReason(view)} />
            </Panel>
            {rating && !exercise.signedOff ? (
              <Panel title="Rate the objectives" icon="check">
                <RatingPanel exercise={exercise} evaluatorId={seat.evaluatorId} />
              </Panel>
            ) : null}
          </div>
          <div>
            <Panel
              title="Objectives"
              icon="flag"
              actions={
                <a className="button small" href={formatRoute({ name: 'report', sessionId: seat.sessionId })}>
                  Report
                </a>
              }
            >
              <ObjectivesList exercise={exercise} />
            </Panel>
            <Panel title={`Observations (${exercise.observations.length})`} icon="list">
              <ObservationList exercise={exercise} clock={view.clock} />
            </Panel>
          </div>
        </div>
      )}
    </main>
  );
}
