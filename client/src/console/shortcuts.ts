import { useEffect, useRef } from 'react';

/** The console's keyboard shortcuts, in the order the help lists them. */
export const SHORTCUTS = [
  { key: 'p', action: 'pause', text: 'Pause or resume the game' },
  { key: '1', action: 'advance1', text: 'Advance the clock 1 minute' },
  { key: '5', action: 'advance5', text: 'Advance the clock 5 minutes' },
  { key: 'r', action: 'reveal', text: 'Reveal the next inject on the run sheet' },
  { key: 'c', action: 'choices', text: 'Go to the choices' },
  { key: 'i', action: 'improvise', text: 'Write an improvised inject' },
  { key: 'd', action: 'dice', text: 'Roll dice' },
  { key: 'w', action: 'people', text: 'People: who is at the table, coaching' },
  { key: 't', action: 'timeline', text: 'Timeline' },
  { key: 'm', action: 'map', text: 'Scenario map' },
  { key: '?', action: 'help', text: 'Show these shortcuts' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

const BY_KEY: ReadonlyMap<string, ShortcutAction> = new Map(SHORTCUTS.map((s) => [s.key, s.action]));

/** Whether a key press belongs to something the person is typing into (or a modifier chord), not to us. */
function typing(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return true;
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Calls `run` with the action of each shortcut pressed anywhere on the page, except while typing in
 * a field or while a modal dialog is open (its own keys win there).
 */
export function useShortcuts(run: (action: ShortcutAction) => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event) || document.querySelector('dialog[open]')) return;
      const action = BY_KEY.get(event.key.toLowerCase());
      if (!action) return;
      event.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
