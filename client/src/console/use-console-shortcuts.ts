import type { FacilitatorView } from '@chaos-quest/engine';
import { useCommand } from '../session/SessionProvider.tsx';
import type { ConsoleTab } from './ConsoleTabs.tsx';
import { runSheet } from './run-sheet.ts';
import { useShortcuts, type ShortcutAction } from './shortcuts.ts';

/** Focuses the first element matching `selector` once React has shown the tab it is in. */
function focusSoon(selector: string): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(selector);
    el?.scrollIntoView({ block: 'nearest' });
    el?.focus();
  });
}

const TAB_OF: Partial<Record<ShortcutAction, { tab: ConsoleTab; focus?: string }>> = {
  improvise: { tab: 'injects', focus: '.console-tabs .improvise textarea' },
  dice: { tab: 'dice', focus: '.console-tabs .dice-form input' },
  people: { tab: 'people' },
  timeline: { tab: 'timeline' },
  map: { tab: 'map' },
};

/**
 * The console's keyboard shortcuts (see SHORTCUTS): the clock and the next inject through the same
 * commands as their buttons (so a refusal shows where the button is), the rest by opening a tab.
 */
export function useConsoleShortcuts(
  view: FacilitatorView,
  ui: { setTab: (tab: ConsoleTab) => void; showHelp: () => void },
): void {
  const pause = useCommand('session.pause');
  const resume = useCommand('session.resume');
  const advance = useCommand('clock.advance');
  const next = runSheet(view).upcoming[0];
  const reveal = useCommand(next ? `inject.reveal:${next.id}` : 'inject.reveal');
  useShortcuts((action) => {
    const tab = TAB_OF[action];
    if (tab) {
      ui.setTab(tab.tab);
      focusSoon(tab.focus ?? '.console-tabs [role="tab"][aria-selected="true"]');
      return;
    }
    switch (action) {
      case 'help':
        return ui.showHelp();
      case 'pause':
        if (view.phase === 'running') void pause.send({ type: 'session.pause' });
        else if (view.phase === 'paused') void resume.send({ type: 'session.resume' });
        return;
      case 'advance1':
      case 'advance5':
        if (view.phase === 'running')
          void advance.send({ type: 'clock.advance', minutes: action === 'advance1' ? 1 : 5 });
        return;
      case 'reveal':
        if (next) void reveal.send({ type: 'inject.reveal', injectId: next.id });
        return;
      case 'choices':
        return focusSoon('.console-choices .choice button');
      default:
        return;
    }
  });
}
