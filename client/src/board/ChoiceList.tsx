import type { ChoiceView, PlayerSummary, Proposal } from '@chaos-quest/engine';
import { gameClockAt } from '../time/format.ts';
import { Icon } from '../ui/Icon.tsx';
import { ChoiceCard } from './ChoiceCard.tsx';

interface Props {
  choices: readonly ChoiceView[];
  proposals: readonly Proposal[];
  players: readonly PlayerSummary[];
  sceneId: string | null;
  clock: { minutes: number; label: string };
  /** playerId → choiceId, when the viewer may see who voted for what. */
  votesByPlayer?: Readonly<Record<string, string>>;
  /** The player's vote; undefined when the viewer cannot vote (no role, or not a player). */
  myVote?: string | null | undefined;
  canApply: boolean;
}

/** The current scene's choices with the team's votes, and the actions players proposed here. */
export function ChoiceList({ choices, proposals, players, sceneId, clock, votesByPlayer, myVote, canApply }: Props) {
  const names = Object.fromEntries(players.map((p) => [p.id, p.name]));
  const voters = players.filter((p) => p.role !== null).length;
  const here = proposals.filter((p) => p.scene === sceneId);
  return (
    <div className="choices">
      {choices.length === 0 ? (
        <p className="empty">No choices are open in this scene. The facilitator moves the story on.</p>
      ) : (
        <ul className="choice-list">
          {choices.map((c) => (
            <ChoiceCard
              key={c.id}
              choice={c}
              voters={voters}
              canApply={canApply}
              {...(votesByPlayer ? { voterNames: Object.entries(votesByPlayer).filter(([, v]) => v === c.id).map(([p]) => names[p] ?? 'a player') } : {})}
              {...(myVote !== undefined ? { myVote: { mine: myVote === c.id } } : {})}
            />
          ))}
        </ul>
      )}
      {here.length ? (
        <div className="proposals">
          <h3>
            <Icon name="bulb" size={15} /> Proposed by the team
          </h3>
          <ul>
            {here.map((p) => (
              <li key={p.id}>
                <span className="proposal-text">{p.text}</span>
                <small>
                  {names[p.playerId] ?? 'a player'} · {gameClockAt(clock, p.at.game)}
                </small>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
