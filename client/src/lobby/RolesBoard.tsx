import type { PlayerSummary, Presence } from '@chaos-quest/engine';
import { CommandButton } from '../ui/CommandButton.tsx';
import { Icon } from '../ui/Icon.tsx';
import { PlayerAdmin } from './PlayerAdmin.tsx';
import { roleAction } from './role-action.ts';

/**
 * A player picks a role freely in the lobby; from the briefing on (they then hold its secrets) a change
 * of seat is a request the facilitator answers.
 */
type Mode =
  | {
      kind: 'player';
      me: string;
      myRole: string | null;
      requested: string | null;
      choose: 'take' | 'request';
      /** Watching as audience: no role to take until the facilitator seats them. */
      watching?: boolean;
    }
  | { kind: 'facilitator' }
  | { kind: 'observer' };

interface Props {
  roles: readonly { id: string; name: string; brief?: string }[];
  players: readonly PlayerSummary[];
  presence: Presence | null;
  mode: Mode;
}

function PlayerChip({ player, presence, me }: { player: PlayerSummary; presence: Presence | null; me: boolean }) {
  const online = presence === null || presence.connected.includes(player.id);
  return (
    <span className={`player-chip ${online ? 'online' : 'away'}`}>
      <Icon name={online ? 'dot' : 'circle'} size={10} />
      {player.name}
      {me ? <small> (you)</small> : null}
      {online ? null : <small> · away</small>}
      {player.ready ? (
        <small className="ready">
          <Icon name="check" size={12} /> ready
        </small>
      ) : null}
      {player.hand ? (
        <small className="hand">
          <Icon name="hand" size={12} /> hand up
        </small>
      ) : null}
    </span>
  );
}

/** Who sits in which role. Players take a role; the facilitator moves or removes people. */
export function RolesBoard({ roles, players, presence, mode }: Props) {
  const atTable = players.filter((p) => !p.audience);
  const watching = players.filter((p) => p.audience);
  const unseated = atTable.filter((p) => p.role === null || !roles.some((r) => r.id === p.role));
  const me = mode.kind === 'player' ? mode.me : null;
  const open = roles.filter((r) => !atTable.some((p) => p.role === r.id)).length;
  return (
    <div className="roles-board">
      {mode.kind === 'facilitator' ? null : (
        <p className="roles-open" role="status">
          {open === 0 ? 'Every role is taken.' : `${open} of ${roles.length} roles still open.`}
        </p>
      )}
      {roles.map((role) => {
        const seated = atTable.filter((p) => p.role === role.id);
        const mine = mode.kind === 'player' && mode.myRole === role.id;
        return (
          <section
            key={role.id}
            className={`role-slot ${mine ? 'mine' : ''} ${seated.length ? 'taken' : 'open'}`}
            aria-label={role.name}
          >
            <h3>{role.name}</h3>
            {role.brief ? <p className="role-brief">{role.brief}</p> : null}
            <ul>
              {seated.map((p) => (
                <li key={p.id}>
                  <PlayerChip player={p} presence={presence} me={p.id === me} />
                  {mode.kind === 'facilitator' ? <PlayerAdmin player={p} roles={roles} /> : null}
                </li>
              ))}
              {seated.length === 0 ? <li className="empty">Nobody yet</li> : null}
            </ul>
            {mode.kind === 'player' && !mode.watching ? (
              mine ? (
                <p className="mine-note">
                  <Icon name="check" size={14} /> Your role
                </p>
              ) : mode.choose === 'take' ? (
                <CommandButton
                  control={`role.take:${role.id}`}
                  command={{ type: 'role.take', role: role.id }}
                  variant={mode.myRole || seated.length ? 'secondary' : 'primary'}
                >
                  {roleAction(role, seated, false)}
                </CommandButton>
              ) : mode.requested === role.id ? (
                <p className="mine-note" role="status">
                  <Icon name="clock" size={14} /> Asked: the facilitator will answer
                </p>
              ) : (
                <CommandButton control={`role.request:${role.id}`} command={{ type: 'role.request', role: role.id }}>
                  {roleAction(role, seated, true)}
                </CommandButton>
              )
            ) : null}
          </section>
        );
      })}
      {[
        { title: 'Without a role', people: unseated },
        { title: 'Watching', people: watching },
      ].map(({ title, people }) =>
        people.length ? (
          <section key={title} className="role-slot unseated" aria-label={title}>
            <h3>{title}</h3>
            <ul>
              {people.map((p) => (
                <li key={p.id}>
                  <PlayerChip player={p} presence={presence} me={p.id === me} />
                  {mode.kind === 'facilitator' ? <PlayerAdmin player={p} roles={roles} /> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </div>
  );
}
