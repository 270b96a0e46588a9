import type { PlayerView } from '@chaos-quest/engine';
import { Icon } from '../ui/Icon.tsx';

type Role = NonNullable<PlayerView['me']['role']>;

const ROLE_CARD = 'role-card';

/**
 * The role's name at the top of the page. On a phone (and a narrow laptop window) the role card sits
 * below the story and the feed, so this opens it and brings it into view: a player checking a secret
 * mid-vote should not have to scroll for it.
 */
export function RoleJump({ role }: { role: Role }) {
  return (
    <button
      type="button"
      className="button role-jump"
      onClick={() => {
        const card = document.getElementById(ROLE_CARD);
        if (!(card instanceof HTMLDetailsElement)) return;
        card.open = true;
        card.scrollIntoView({ block: 'start' });
        card.querySelector('summary')?.focus({ preventScroll: true });
      }}
    >
      <Icon name="user" size={16} /> You: {role.name}
    </button>
  );
}

/** The player's role: the brief everyone in it reads, and the secrets only this role knows. */
export function RoleCard({ role, open = true }: { role: Role; open?: boolean }) {
  return (
    <details className="role-card" id={ROLE_CARD} open={open}>
      <summary>
        <span className="role-kicker">Your role</span>
        <span className="role-name">{role.name}</span>
        <span className="role-toggle">
          <Icon name="list" size={14} /> Brief{role.secrets.length ? ' and secrets' : ''}
        </span>
      </summary>
      <p className="role-brief">{role.brief}</p>
      {role.secrets.length ? (
        <div className="secrets">
          <h3>
            <Icon name="lock" size={15} /> Only you know
          </h3>
          <ul>
            {role.secrets.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {role.canApplyChoices ? (
        <p className="role-power">
          <Icon name="check" size={14} /> You may apply the team’s choice yourself.
        </p>
      ) : null}
    </details>
  );
}
