import { useMemo } from 'react';
import type { Outcome, View } from '@chaos-quest/engine';
import { SessionBar } from '../app/SessionBar.tsx';
import { namesOf } from '../board/names.ts';
import { closingNarration } from '../board/outcome.ts';
import { LazyDashboards } from '../board/LazyDashboards.tsx';
import { ScenarioMap } from '../board/ScenarioMap.tsx';
import { Timeline } from '../board/Timeline.tsx';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Panel } from '../ui/Panel.tsx';
import { ActionItems } from './ActionItems.tsx';
import { DebriefNotes } from './DebriefNotes.tsx';
import { DecisionsList } from './DecisionsList.tsx';
import { MilestoneStrip } from './MilestoneStrip.tsx';
import { PostmortemPanel } from './PostmortemPanel.tsx';
import { PendingDeclarations } from '../console/PendingDeclarations.tsx';
import { RunTimes } from './RunTimes.tsx';
import { ExerciseDebrief, PlayerHotwash } from '../evaluation/ExerciseDebrief.tsx';
import './postmortem.css';

const OUTCOME_LOOK: Record<Outcome, { icon: 'check' | 'warn' | 'cross'; text: string }> = {
  success: { icon: 'check', text: 'Success' },
  partial: { icon: 'warn', text: 'Partial success' },
  failure: { icon: 'cross', text: 'Failure' },
};

function OutcomeBanner({ view }: { view: View }) {
  const { ending } = view;
  if (!ending) return null;
  const fault = view.scenario.faultSummary;
  const look = OUTCOME_LOOK[ending.outcome];
  return (
    <section className={`outcome-banner outcome-${ending.outcome}`} aria-label="Outcome">
      <p className="outcome-word">
        <Icon name={look.icon} size={22} /> {look.text}
      </p>
      <h2>{ending.title}</h2>
      {closingNarration(view).map((text) => (
        <p key={text} className="narration">
          {text}
        </p>
      ))}
      {fault ? <p className="fault">What was really wrong: {fault}</p> : null}
    </section>
  );
}

interface Props {
  view: View;
  /** The facilitator's token, for the post-mortem draft and exports; null for players. */
  token: string | null;
  sessionId?: string;
}

/** After the quest: what happened and when, how long it took, what to learn, what to change. */
export function DebriefScreen({ view, token, sessionId }: Props) {
  const { roleNames } = namesOf(view);
  const facilitator = view.viewer === 'facilitator';
  const writing = view.phase === 'debrief' && view.viewer !== 'observer';
  // Whom the blameless check counts as a person: everyone at the table, by name and by role.
  const people = useMemo(
    () => [...view.players.map((p) => p.name), ...view.scenario.roles.map((r) => r.name)],
    [view.players, view.scenario.roles],
  );
  return (
    <main className="page debrief">
      <SessionBar view={view} />
      {view.viewer === 'facilitator' ? <PendingDeclarations view={view} /> : null}
      <OutcomeBanner view={view} />
      {view.viewer === 'player' ? <PlayerHotwash view={view} /> : null}
      <Panel title="How long it took" icon="clock">
        <RunTimes milestones={view.milestones} />
      </Panel>
      <LazyDashboards view={view} />
      <div className="debrief-grid">
        <div>
          <Panel title="Milestones" icon="flag">
            <MilestoneStrip milestones={view.milestones} clock={view.clock} injects={view.injects} />
          </Panel>
          <Panel title="Questions for the team" icon="chat">
            {view.ending?.debrief.length ? (
              <ol className="prompts">
                {view.ending.debrief.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ol>
            ) : (
              <p className="empty">
                The scenario has no prompts for this ending. What surprised you? What would have helped you see it
                sooner?
              </p>
            )}
            <p className="muted small">Blameless: we are fixing processes, not people.</p>
          </Panel>
          <Panel title="Went well, was hard, got lucky" icon="bulb" className="notes-panel">
            <DebriefNotes notes={view.debriefNotes} canAdd={writing} people={people} />
          </Panel>
          <Panel title="Action items" icon="list">
            <ActionItems items={view.actionItems} canAdd={writing} people={people} />
          </Panel>
          <Panel title="Decisions and rolls" icon="dice">
            <DecisionsList decisions={view.decisions} rolls={view.rolls} clock={view.clock} />
          </Panel>
        </div>
        <div>
          <Panel title="Path taken" icon="map" className="map-panel">
            <ScenarioMap map={view.map} />
          </Panel>
          {facilitator && token && sessionId ? (
            <Panel title="Post-mortem draft" icon="copy">
              <PostmortemPanel
                sessionId={sessionId}
                token={token}
                revision={`${view.phase}:${view.actionItems.length}:${view.debriefNotes.length}`}
                people={people}
              />
              {view.phase === 'debrief' ? (
                <div className="close-row">
                  <CommandButton control="session.close" command={{ type: 'session.close' }}>
                    Close the session
                  </CommandButton>
                  <small className="muted">Closing ends the debrief: no more notes or action items.</small>
                </div>
              ) : null}
            </Panel>
          ) : null}
        </div>
      </div>
      <ExerciseDebrief view={view} token={token} sessionId={sessionId} />
      <Panel title="Timeline" icon="list">
        <Timeline
          entries={view.timeline}
          total={view.timelineCount}
          clock={view.clock}
          roleNames={roleNames}
          wall
          order="oldest"
          limit={200}
        />
      </Panel>
    </main>
  );
}
