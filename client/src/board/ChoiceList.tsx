import { useId } from 'react';
import type { ChoiceView, ClockReading, PlayerSummary, Proposal, View } from '@chaos-quest/engine';
import { phaseRefusal } from '../session/readable-error.ts';
import { DisabledReason } from '../ui/DisabledReason.tsx';
import { gameClockAt } from '../time/format.ts';
import { Icon } from '../ui/Icon.tsx';
import { ChoiceCard } from './ChoiceCard.tsx';

interface Props {
  choices: readonly ChoiceView[];
  proposals: readonly Proposal[];
  players: readonly PlayerSummary[];
  sceneId: string | null;
  /** Format 1.1: the visit of the scene the party is in; proposals from an earlier visit are not shown. */
  visit?: number | undefined;
  clock: ClockReading;
  /** playerId → choiceId, when the viewer may see who voted for what. */
  votesByPlayer?: Readonly<Record<string, string>>;
  /** The player's vote; undefined when the viewer cannot vote (no role, or not a player). */
  myVote?: string | null | undefined;
  canApply: boolean;
  /** Format 1.1: the viewer's role, which may decide or roll some choices (`decidedBy`) itself. */
  myRole?: string | null | undefined;
  /** The session's phase: while paused, voting and applying are disabled, with the reason said once above the list. */
  phase?: View['phase'];
}

/** The current scene's choices with the team's votes, and the actions players proposed here. */
export function ChoiceList({
  choices,
  proposals,
  players,
  sceneId,
  visit,
  clock,
  votesByPlayer,
  myVote,
  canApply,
  myRole,
  phase,
}: Props) {
  const reasonId = useId();
  const names = Object.fromEntries(players.map((p) => [p.id, p.name]));
  const voters = players.filter((p) => p.role !== null).length;
  const here = proposals.filter((p) => p.scene === sceneId && (p.visit === undefined || p.visit === visit));
  const paused = phase === 'paused';
  // A player's list explains the vote; the facilitator's (no vote of its own, but Apply) the apply.
  const facilitator = myVote === undefined && canApply;
  const reason =
    paused && choices.length > 0
      ? phaseRefusal(facilitator ? 'choice.apply' : 'choice.vote', 'paused', facilitator ? 'facilitator' : 'player')
      : null;
  return (
    <div className="choices">
      <DisabledReason reason={reason} id={reasonId} />
      {choices.length === 0 ? (
        <p className="empty">No choices are open in this scene. The facilitator moves the story on.</p>
      ) : (
        <ul className="choice-list">
          {choices.map((c) => (
            <ChoiceCard
              key={c.id}
              choice={c}
              voters={voters}
              canApply={canApply || (myRole != null && c.decidedBy === myRole)}
              {...(reason ? { blocked: { describedBy: reasonId } } : {})}
              {...(votesByPlayer
                ? {
                    voterNames: Object.entries(votesByPlayer)
                      .filter(([, v]) => v === c.id)
                      .map(([p]) => names[p] ?? 'a player'),
                  }
                : {})}
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
