import type { FacilitatorView } from '@chaos-quest/engine';
import { SessionBar } from '../app/SessionBar.tsx';
import { ChoiceList } from '../board/ChoiceList.tsx';
import { InjectFeed } from '../board/InjectFeed.tsx';
import { namesOf } from '../board/names.ts';
import { ScenarioMap } from '../board/ScenarioMap.tsx';
import { SystemDiagram } from '../board/SystemDiagram.tsx';
import { LazyDashboards } from '../board/LazyDashboards.tsx';
import { FlagsPanel } from './FlagsPanel.tsx';
import { Timeline } from '../board/Timeline.tsx';
import { formatRoute } from '../app/route.ts';
import { Icon } from '../ui/Icon.tsx';
import { Panel } from '../ui/Panel.tsx';
import { ClockPanel } from './ClockPanel.tsx';
import { ConsoleHandover } from './ConsoleHandover.tsx';
import { EmptyRoles } from './EmptyRoles.tsx';
import { TableSettings } from './TableSettings.tsx';
import { DicePanel } from './DicePanel.tsx';
import { EndSessionForm } from './EndSessionForm.tsx';
import { ImproviseForm } from './ImproviseForm.tsx';
import { InjectPlanPanel } from './InjectPlanPanel.tsx';
import { MilestonesPanel } from './MilestonesPanel.tsx';
import { PeoplePanel } from './PeoplePanel.tsx';
import { PendingDeclarations } from './PendingDeclarations.tsx';
import { ScenePanel } from './ScenePanel.tsx';
import { StatePanel } from './StatePanel.tsx';

/** The facilitator's console during play: the story, the world's events, and the table. */
export function FacilitatorConsole({ view, joinCode }: { view: FacilitatorView; joinCode: string }) {
  const { roleNames, playerNames } = namesOf(view);
  return (
    <main className="page console">
      <SessionBar view={view}>
        <span className="join-chip">
          Code <strong>{joinCode}</strong>
        </span>
        <a className="button small" href={formatRoute({ name: 'screen', joinCode })} target="_blank" rel="noopener">
          <Icon name="screen" size={14} /> Big screen
        </a>
      </SessionBar>
      <PendingDeclarations view={view} />
      <div className="console-grid">
        <div className="area-story">
          <ScenePanel view={view} />
          <Panel title="Choices" icon="check">
            <ChoiceList
              choices={view.choices}
              proposals={view.proposals}
              players={view.players}
              sceneId={view.scene?.id ?? null}
              visit={view.scene?.visit}
              clock={view.clock}
              votesByPlayer={view.votesByPlayer}
              canApply
              phase={view.phase}
            />
          </Panel>
          <Panel title="Dice" icon="dice">
            <DicePanel rolls={view.rolls} />
          </Panel>
          <Panel title="Scenario map" icon="map" className="map-panel">
            <ScenarioMap map={view.map} />
          </Panel>
        </div>
        <div className="area-world">
          <Panel title="Injects" icon="mail">
            <InjectPlanPanel view={view} />
            <ImproviseForm view={view} />
          </Panel>
          <Panel title="Revealed" icon="eye">
            <InjectFeed
              injects={view.injects}
              clock={view.clock}
              roleNames={roleNames}
              playerNames={playerNames}
              me={null}
            />
          </Panel>
          <Panel title="Milestones" icon="flag">
            <MilestonesPanel view={view} />
          </Panel>
          <StatePanel view={view} />
          <Panel title="Flags" icon="flag">
            <FlagsPanel flags={view.flags} />
          </Panel>
          <Panel title="System" icon="pulse">
            <SystemDiagram components={view.scenario.components} health={view.health} />
          </Panel>
          <LazyDashboards view={view} />
        </div>
        <div className="area-table">
          <ClockPanel view={view} />
          <Panel title="People" icon="user">
            <EmptyRoles view={view} />
            <PeoplePanel view={view} />
          </Panel>
          <Panel title="Joining and the console" icon="lock">
            <TableSettings view={view} />
            <ConsoleHandover />
          </Panel>
          <Panel title="Live timeline" icon="list">
            <Timeline entries={view.timeline} total={view.timelineCount} clock={view.clock} roleNames={roleNames} />
          </Panel>
          <Panel title="End" icon="stop">
            <EndSessionForm />
          </Panel>
        </div>
      </div>
    </main>
  );
}
