import type { ReactNode } from 'react';
import type { FacilitatorView } from '@chaos-quest/engine';
import { useUnseen } from '../attention/unseen.ts';
import { InjectFeed } from '../board/InjectFeed.tsx';
import { LazyDashboards } from '../board/LazyDashboards.tsx';
import { namesOf } from '../board/names.ts';
import { ScenarioMap } from '../board/ScenarioMap.tsx';
import { SystemDiagram } from '../board/SystemDiagram.tsx';
import { Timeline } from '../board/Timeline.tsx';
import { Tabs, type TabSpec } from '../ui/Tabs.tsx';
import { DicePanel } from './DicePanel.tsx';
import { EndSessionForm } from './EndSessionForm.tsx';
import { FlagsPanel } from './FlagsPanel.tsx';
import { ImproviseForm } from './ImproviseForm.tsx';
import { InjectPlanPanel } from './InjectPlanPanel.tsx';
import { MilestonesPanel } from './MilestonesPanel.tsx';
import { PeoplePanel } from './PeoplePanel.tsx';
import { ConsoleHandover } from './ConsoleHandover.tsx';
import { EmptyRoles } from './EmptyRoles.tsx';
import { TableSettings } from './TableSettings.tsx';

export type ConsoleTab = 'injects' | 'dice' | 'people' | 'timeline' | 'map' | 'system' | 'progress';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="tab-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** The console's secondary panels, one at a time; a badge on a tab says something new is in it. */
export function ConsoleTabs({
  view,
  tab,
  onTab,
}: {
  view: FacilitatorView;
  tab: ConsoleTab;
  onTab: (tab: ConsoleTab) => void;
}) {
  const { roleNames, playerNames } = namesOf(view);
  const newInjects = useUnseen(
    'console.injects',
    view.injects.map((i) => i.key),
    tab === 'injects',
  );
  // Hands, role requests, seat claims and pages only the facilitator received all wait in the People tab.
  const people =
    view.players.filter((p) => p.hand).length + view.roleRequests.length + view.seatClaims.length + view.unheld.length;
  const tabs: TabSpec<ConsoleTab>[] = [
    {
      id: 'injects',
      label: 'Injects',
      icon: 'mail',
      badge: newInjects.size,
      content: (
        <>
          <Section title="Scripted, still to come">
            <InjectPlanPanel view={view} />
          </Section>
          <Section title="Improvise">
            <ImproviseForm view={view} />
          </Section>
          <Section title="Revealed">
            <InjectFeed
              injects={view.injects}
              clock={view.clock}
              roleNames={roleNames}
              playerNames={playerNames}
              me={null}
              fresh={newInjects}
            />
          </Section>
        </>
      ),
    },
    { id: 'dice', label: 'Dice', icon: 'dice', content: <DicePanel rolls={view.rolls} timeline={view.timeline} /> },
    {
      id: 'people',
      label: 'People',
      icon: 'user',
      badge: people,
      content: (
        <>
          <EmptyRoles view={view} />
          <PeoplePanel view={view} />
          <Section title="Joining and the console">
            <TableSettings view={view} />
            <ConsoleHandover />
          </Section>
        </>
      ),
    },
    {
      id: 'timeline',
      label: 'Timeline',
      icon: 'list',
      content: (
        <Timeline
          entries={view.timeline}
          total={view.timelineCount}
          clock={view.clock}
          roleNames={roleNames}
          limit={25}
        />
      ),
    },
    {
      id: 'map',
      label: 'Map',
      icon: 'map',
      content: (
        <div className="map-panel">
          <ScenarioMap map={view.map} />
        </div>
      ),
    },
    {
      id: 'system',
      label: 'System',
      icon: 'pulse',
      content: (
        <>
          <SystemDiagram components={view.scenario.components} health={view.health} />
          <LazyDashboards view={view} />
        </>
      ),
    },
    {
      id: 'progress',
      label: 'Milestones · End',
      badge: view.declarations.filter((d) => d.status === 'pending').length,
      icon: 'flag',
      content: (
        <>
          <MilestonesPanel view={view} />
          <Section title="Flags">
            <FlagsPanel flags={view.flags} />
          </Section>
          <Section title="End the quest early">
            <EndSessionForm />
          </Section>
        </>
      ),
    },
  ];
  return <Tabs label="Console panels" tabs={tabs} selected={tab} onSelect={onTab} className="panel console-tabs" />;
}
