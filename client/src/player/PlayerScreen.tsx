import type { PlayerView } from '@chaos-quest/engine';
import { SessionBar } from '../app/SessionBar.tsx';
import { ChoiceList } from '../board/ChoiceList.tsx';
import { ClockFace } from '../board/ClockFace.tsx';
import { EscalationPath, escalationElapsed } from '../board/EscalationPath.tsx';
import { awaitsAck, InjectFeed } from '../board/InjectFeed.tsx';
import { LazyDashboards } from '../board/LazyDashboards.tsx';
import { namesOf } from '../board/names.ts';
import { currentRoll, sceneLeadIn } from '../board/outcome.ts';
import { RollCard } from '../board/RollCard.tsx';
import { SceneCard } from '../board/SceneCard.tsx';
import { SystemDiagram } from '../board/SystemDiagram.tsx';
import { Timeline } from '../board/Timeline.tsx';
import { Panel } from '../ui/Panel.tsx';
import { usePageAlarm, usePageAlarmSetting, usePageTitle } from '../attention/page-alarm.ts';
import { PageAlarmToggle } from '../attention/PageAlarmToggle.tsx';
import { useUnseen } from '../attention/unseen.ts';
import { Icon } from '../ui/Icon.tsx';
import { CoachNotes } from './CoachNotes.tsx';
import { DeclarePanel } from './DeclarePanel.tsx';
import { HandButton } from './HandButton.tsx';
import { PageAlerts } from './PageAlerts.tsx';
import { ProposeForm } from './ProposeForm.tsx';
import { RoleCard, RoleJump } from './RoleCard.tsx';
import { AskForRole } from './AskForRole.tsx';
import { SeatNotices } from './SeatNotices.tsx';

/** A player during play: what is happening, what to act on, and what the team decides. */
export function PlayerScreen({ view }: { view: PlayerView }) {
  const { me } = view;
  const { roleNames, playerNames } = namesOf(view);
  const shown = currentRoll(view);
  const waitingPages = view.injects.filter((i) => awaitsAck(i, me.playerId));
  const [alarm, setAlarm] = usePageAlarmSetting();
  usePageAlarm(
    waitingPages.map((p) => p.key),
    alarm,
  );
  usePageTitle(view.scenario.title, waitingPages.length);
  const freshInjects = useUnseen(
    `${me.playerId}.injects`,
    view.injects.map((i) => i.key),
    true,
  );
  const freshNotes = useUnseen(
    `${me.playerId}.coaching`,
    me.coaching.map((n) => String(n.seq)),
    true,
  );
  return (
    <main className="page player-screen">
      <SessionBar view={view}>
        {me.role ? <RoleJump role={me.role} /> : null}
        {waitingPages.length ? (
          <a
            className="page-badge"
            href="#pages"
            onClick={(e) => {
              e.preventDefault();
              document.querySelector('.page-alerts')?.scrollIntoView();
            }}
          >
            <Icon name="bell" size={14} /> {waitingPages.length} page{waitingPages.length === 1 ? '' : 's'} to
            acknowledge
          </a>
        ) : null}
        <HandButton raised={me.hand} />
        <PageAlarmToggle on={alarm} onChange={setAlarm} />
      </SessionBar>
      <PageAlerts pages={waitingPages} clock={view.clock} />
      <SeatNotices view={view} />
      <div className="player-grid">
        <div className="area-story">
          <SceneCard scene={view.scene} paused={view.phase === 'paused'} leadIn={sceneLeadIn(view.timeline)} />
          {shown ? <RollCard roll={shown.roll} narration={shown.narration} /> : null}
          <Panel title="What does the team do?" icon="check">
            <ChoiceList
              choices={view.choices}
              proposals={view.proposals}
              players={view.players}
              sceneId={view.scene?.id ?? null}
              visit={view.scene?.visit}
              clock={view.clock}
              myVote={me.role ? me.vote : undefined}
              canApply={me.role?.canApplyChoices ?? false}
              myRole={me.role?.id}
              phase={view.phase}
            />
            {me.audience ? null : <ProposeForm />}
          </Panel>
          {me.audience ? null : (
            <Panel title="Declare" icon="megaphone">
              <DeclarePanel
                mine={view.declarations.filter((d) => d.playerId === me.playerId)}
                waiting={view.declarations
                  .filter((d) => d.status === 'pending' && d.playerId !== me.playerId)
                  .map((d) => ({ id: d.id, kind: d.kind, name: playerNames[d.playerId] ?? 'A player' }))}
                alerts={view.injects.filter((i) => i.page)}
                phase={view.phase}
              />
            </Panel>
          )}
        </div>
        <div className="area-feed">
          <Panel title="Injects" icon="mail">
            <InjectFeed
              injects={view.injects}
              clock={view.clock}
              roleNames={roleNames}
              playerNames={playerNames}
              me={me.playerId}
              fresh={freshInjects}
            />
          </Panel>
          {me.coaching.length ? <CoachNotes notes={me.coaching} clock={view.clock} fresh={freshNotes} /> : null}
          <Panel title="System" icon="pulse">
            <SystemDiagram components={view.scenario.components} health={view.health} />
          </Panel>
          <LazyDashboards view={view} />
        </div>
        <div className="area-side">
          <ClockFace clock={view.clock} phase={view.phase} />
          {me.role ? <RoleCard role={me.role} open={false} /> : me.audience ? null : <AskForRole view={view} />}
          <Panel title="Escalation path" icon="escalate">
            <EscalationPath steps={view.scenario.escalation} elapsed={escalationElapsed(view)} />
          </Panel>
          <Panel title="Timeline" icon="list">
            <Timeline
              entries={view.timeline}
              total={view.timelineCount}
              clock={view.clock}
              roleNames={roleNames}
              limit={15}
            />
          </Panel>
        </div>
      </div>
    </main>
  );
}
