import { useState } from 'react';
import type { FacilitatorView } from '@chaos-quest/engine';
import { SessionBar } from '../app/SessionBar.tsx';
import { ChoiceList } from '../board/ChoiceList.tsx';
import { formatRoute } from '../app/route.ts';
import { Icon } from '../ui/Icon.tsx';
import { Panel } from '../ui/Panel.tsx';
import { ClockPanel } from './ClockPanel.tsx';
import { ConsoleTabs, type ConsoleTab } from './ConsoleTabs.tsx';
import { RunSheetPanel } from './RunSheetPanel.tsx';
import { JumpControl, ScenePanel } from './ScenePanel.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { useConsoleShortcuts } from './use-console-shortcuts.ts';
import { PendingDeclarations } from './PendingDeclarations.tsx';
import { StatePanel } from './StatePanel.tsx';

/**
 * The facilitator's console during play, laid out to fit a 1280×800 laptop: the story and its
 * choices in the main column, the clock and the run sheet beside it, everything else in tabs.
 */
export function FacilitatorConsole({ view, joinCode }: { view: FacilitatorView; joinCode: string }) {
  const [tab, setTab] = useState<ConsoleTab>('injects');
  const [help, setHelp] = useState(false);
  useConsoleShortcuts(view, { setTab, showHelp: () => setHelp(true) });
  return (
    <main className="page console">
      <SessionBar view={view}>
        <span className="join-chip">
          Code <strong>{joinCode}</strong>
        </span>
        <a className="button small" href={formatRoute({ name: 'screen', joinCode })} target="_blank" rel="noopener">
          <Icon name="screen" size={14} /> Big screen
        </a>
        <button
          type="button"
          className="button small quiet shortcuts-button"
          onClick={() => setHelp(true)}
          aria-keyshortcuts="?"
        >
          Shortcuts <kbd>?</kbd>
        </button>
      </SessionBar>
      <PendingDeclarations view={view} />
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
      <div className="console-grid">
        <div className="console-main">
          <ScenePanel view={view} />
          <Panel title="Choices" icon="check" className="console-choices">
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
          <JumpControl view={view} />
        </div>
        <div className="console-side">
          <ClockPanel view={view} />
          <RunSheetPanel view={view} onShowInjects={() => setTab('injects')} />
          <StatePanel view={view} />
        </div>
        <ConsoleTabs view={view} tab={tab} onTab={setTab} />
      </div>
    </main>
  );
}
