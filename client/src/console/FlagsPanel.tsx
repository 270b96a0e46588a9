import type { FacilitatorView } from '@chaos-quest/engine';
import { Icon } from '../ui/Icon.tsx';

/** The scenario's flags, set or not: what its conditions read, so a flag-driven story can be followed. */
export function FlagsPanel({ flags }: { flags: FacilitatorView['flags'] }) {
  const names = Object.keys(flags);
  if (names.length === 0) return <p className="muted">This scenario has no flags.</p>;
  return (
    <ul className="flags" aria-label="Flags">
      {names.map((name) => (
        <li key={name} className={flags[name] ? 'flag-set' : 'flag-unset'}>
          <Icon name={flags[name] ? 'check' : 'circle'} size={14} /> <code>{name}</code>{' '}
          <span className="muted">{flags[name] ? 'set' : 'not set'}</span>
        </li>
      ))}
    </ul>
  );
}
