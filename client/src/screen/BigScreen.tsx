import type { View } from '@chaos-quest/engine';
import { ConnectionBanner } from '../app/ConnectionBanner.tsx';
import { PausedBanner } from '../app/PausedBanner.tsx';
import { ClockFace } from '../board/ClockFace.tsx';
import { ChoiceList } from '../board/ChoiceList.tsx';
import { EscalationPath, escalationElapsed } from '../board/EscalationPath.tsx';
import { closingNarration, currentRoll, sceneLeadIn } from '../board/outcome.ts';
import { InjectFeed } from '../board/InjectFeed.tsx';
import { namesOf } from '../board/names.ts';
import { PhaseBadge } from '../board/PhaseBadge.tsx';
import { RollCard } from '../board/RollCard.tsx';
import { SystemDiagram } from '../board/SystemDiagram.tsx';
import { LazyDashboards } from '../board/LazyDashboards.tsx';
import { Timeline } from '../board/Timeline.tsx';
import { RunTimes } from '../debrief/RunTimes.tsx';
import { QrCode } from '../join/QrCode.tsx';
import { useJoinLink } from '../join/join-address.ts';
import { SessionProvider, useSessionState } from '../session/SessionProvider.tsx';
import { FitHeight } from '../ui/FitHeight.tsx';
import { Panel } from '../ui/Panel.tsx';

function Lobby({ view, joinCode }: { view: View; joinCode: string }) {
  const link = useJoinLink(joinCode);
  return (
    <div className="big-lobby">
      <p className="big-kicker">Join the quest</p>
      <div className="big-join">
        <p className="big-code">{joinCode}</p>
        <QrCode text={link.url} label={`QR code of the join link ${link.url}`} size={260} />
      </div>
      <p className="big-url">{link.url}</p>
      <p className="big-summary">{view.scenario.summary}</p>
      <ul className="big-players">
        {view.players.map((p) => (
          <li key={p.id}>
            {p.name}
            {p.role ? <small> · {view.scenario.roles.find((r) => r.id === p.role)?.name}</small> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Scene({ view }: { view: View }) {
  const shown = currentRoll(view);
  const leadIn = sceneLeadIn(view.timeline);
  return (
    <>
      {view.scene ? (
        <section className="big-scene" aria-label="Current scene">
          <h2>{view.scene.title}</h2>
          {leadIn ? <p className="lead-in">{leadIn}</p> : null}
          <p className="narration">{view.scene.narration}</p>
        </section>
      ) : null}
      {shown ? <RollCard roll={shown.roll} narration={shown.narration} large /> : null}
    </>
  );
}

function Choices({ view }: { view: View }) {
  return (
    <Panel title="What does the team do?" icon="check" className="big-choices">
      <ChoiceList
        choices={view.choices}
        proposals={view.proposals}
        players={view.players}
        sceneId={view.scene?.id ?? null}
        clock={view.clock}
        canApply={false}
        phase={view.phase}
      />
    </Panel>
  );
}

function Outcome({ view }: { view: View }) {
  return (
    <Panel title={view.ending ? `${view.ending.title} · ${view.ending.outcome}` : 'Debrief'} icon="flag">
      {closingNarration(view).map((text) => (
        <p key={text} className="narration">
          {text}
        </p>
      ))}
      <RunTimes milestones={view.milestones} />
    </Panel>
  );
}

function Lessons({ view }: { view: View }) {
  return (
    <>
      {view.ending?.debrief.length ? (
        <Panel title="Questions for the team" icon="chat">
          <ol className="prompts">
            {view.ending.debrief.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ol>
        </Panel>
      ) : null}
      <Panel title="Action items" icon="list">
        {view.actionItems.length ? (
          <ul className="big-action-items">
            {view.actionItems.map((item) => (
              <li key={item.id}>
                {item.text}
                {item.owner ? <small> · {item.owner}</small> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No action items yet: add them from your phone.</p>
        )}
      </Panel>
    </>
  );
}

/** In play: the story, what the team can do, the world. In the debrief: the outcome and what to change. */
function Board({ view }: { view: View }) {
  const { roleNames, playerNames } = namesOf(view);
  const ended = view.phase === 'debrief' || view.phase === 'ended';
  return (
    <div className="big-grid">
      <FitHeight className="big-story">{ended ? <Outcome view={view} /> : <Scene view={view} />}</FitHeight>
      <FitHeight className="big-team">
        {ended ? <Lessons view={view} /> : <Choices view={view} />}
        {/* Until the first inject, its panel would only take the choices' room on the projector. */}
        {view.injects.length > 0 ? (
          <Panel title="Injects" icon="mail">
            <InjectFeed
              injects={view.injects.slice(-3)}
              clock={view.clock}
              roleNames={roleNames}
              playerNames={playerNames}
              me={null}
              large
            />
          </Panel>
        ) : null}
      </FitHeight>
      <div className="big-dash">
        <LazyDashboards view={view} />
      </div>
      <div className="big-world">
        <Panel title="System" icon="pulse" className="big-system">
          <SystemDiagram components={view.scenario.components} health={view.health} large />
        </Panel>
        <Panel title="Escalation path" icon="escalate">
          <EscalationPath steps={view.scenario.escalation} elapsed={escalationElapsed(view)} over={ended} />
        </Panel>
        <Panel title="Timeline" icon="list" className="big-timeline">
          <Timeline entries={view.timeline} clock={view.clock} limit={5} />
        </Panel>
      </div>
    </div>
  );
}

/** During play, late joiners still find the code and the QR code in the corner. */
function JoinCorner({ joinCode }: { joinCode: string }) {
  const link = useJoinLink(joinCode);
  return (
    <div className="big-join-corner" aria-label="How to join">
      <div>
        <span className="big-join-label">Join with</span>
        <span className="big-join-code">{joinCode}</span>
      </div>
      <QrCode text={link.url} label={`QR code of the join link ${link.url}`} size={128} />
    </div>
  );
}

function Live({ joinCode }: { joinCode: string }) {
  const view = useSessionState((s) => s.sync.view);
  const status = useSessionState((s) => s.status);
  const detail = useSessionState((s) => s.statusDetail);
  if (!view) {
    return status === 'rejected' || status === 'closed' ? (
      <main className="page narrow">
        <h1>No session with code {joinCode}</h1>
        <p role="alert">{detail}</p>
        <a className="button" href="#/">
          Go to the start page
        </a>
      </main>
    ) : (
      <p className="loading page">Connecting the big screen…</p>
    );
  }
  const lobby = view.phase === 'lobby' || view.phase === 'briefing';
  return (
    <main className={`big-screen${lobby ? '' : ' in-play'}`}>
      <ConnectionBanner />
      <header className="big-head">
        <h1>{view.scenario.title}</h1>
        {view.team ? <span className="team">{view.team}</span> : null}
        <PhaseBadge phase={view.phase} />
        {lobby ? null : (
          <div className="big-head-end">
            <ClockFace clock={view.clock} phase={view.phase} large />
            <JoinCorner joinCode={joinCode} />
          </div>
        )}
      </header>
      <PausedBanner view={view} />
      {lobby ? <Lobby view={view} joinCode={joinCode} /> : <Board view={view} />}
    </main>
  );
}

/** The room's projector: the public view in large type, readable from the back of the room. */
export function BigScreen({ joinCode }: { joinCode: string }) {
  return (
    <SessionProvider auth={{ observe: joinCode }}>
      <Live joinCode={joinCode} />
    </SessionProvider>
  );
}
