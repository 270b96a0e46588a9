import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
  icon: IconName;
  /** A count shown beside the label (unseen items, open requests…); hidden when zero or absent. */
  badge?: number;
  content: ReactNode;
}

interface Props<Id extends string> {
  label: string;
  tabs: readonly TabSpec<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  className?: string;
}

/**
 * Tabs in the WAI-ARIA pattern (arrow keys, Home and End move between tabs). Every panel stays
 * mounted and only the chosen one shows, so a half-typed inject or coaching note survives a look
 * at another tab.
 */
export function Tabs<Id extends string>({ label, tabs, selected, onSelect, className = '' }: Props<Id>) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next as number]?.focus();
  };
  return (
    <div className={`tabs ${className}`}>
      <div className="tab-list" role="tablist" aria-label={label} ref={list}>
        {tabs.map((tab, index) => {
          const chosen = tab.id === selected;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              aria-selected={chosen}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={chosen ? 0 : -1}
              className="tab"
              onClick={() => onSelect(tab.id)}
              onKeyDown={(event) => move(event, index)}
            >
              <Icon name={tab.icon} size={14} />
              {tab.label}
              {tab.badge ? (
                <span className="tab-badge">
                  {tab.badge}
                  <span className="sr-only"> new</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          hidden={tab.id !== selected}
          className="tab-panel"
          tabIndex={0}
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
