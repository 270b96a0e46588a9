import { useId, useState } from 'react';
import type { ChoiceView } from '@chaos-quest/engine';
import { useCommand } from '../session/SessionProvider.tsx';
import { formatGameMinutes } from '../time/format.ts';
import { CommandButton } from '../ui/CommandButton.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';

export interface ChoiceCardProps {
  choice: ChoiceView;
  /** How many could vote, to draw the vote bar against. */
  voters: number;
  /** Names of who voted for it (the facilitator sees them). */
  voterNames?: string[];
  /** A player's own vote state; absent for the facilitator and the big screen. */
  myVote?: { mine: boolean };
  canApply: boolean;
  /** Set while voting and applying cannot work (a paused game): the controls are disabled and point to the reason. */
  blocked?: { describedBy: string };
}

function CheckLine({ check }: { check: NonNullable<ChoiceView['check']> }) {
  return (
    <p className="choice-check">
      <Icon name="dice" size={15} /> Roll {check.dice}, need {check.target} or more
      {check.modifiers.map((m) => (
        <span key={m.label} className={`modifier ${m.add >= 0 ? 'plus' : 'minus'}`}>
          {m.add >= 0 ? `+${m.add}` : `−${Math.abs(m.add)}`} {m.label}
        </span>
      ))}
    </p>
  );
}

function ApplyControl({ choice, blocked }: { choice: ChoiceView; blocked: { describedBy: string } | undefined }) {
  const { send, busy, error, clearError } = useCommand(`choice.apply:${choice.id}`);
  const [physical, setPhysical] = useState('');
  const inputId = useId();
  const apply = () => {
    const value = physical.trim() === '' ? undefined : Number(physical);
    void send({ type: 'choice.apply', choiceId: choice.id, ...(value === undefined ? {} : { physical: value }) }).then(
      (ok) => ok && setPhysical(''),
    );
  };
  return (
    <div className="choice-apply">
      {choice.check ? (
        <span className="physical">
          <label htmlFor={inputId}>Table dice (optional)</label>
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            value={physical}
            placeholder="auto"
            onChange={(e) => {
              setPhysical(e.target.value);
              clearError();
            }}
          />
        </span>
      ) : null}
      <button
        type="button"
        className="button primary"
        disabled={busy || blocked !== undefined}
        aria-busy={busy}
        aria-describedby={blocked?.describedBy}
        onClick={apply}
      >
        <Icon name="check" size={16} /> Apply
      </button>
      <FieldError message={error} />
    </div>
  );
}

/** One open choice: what it costs, its dice check, the team's votes, and vote/apply controls. */
export function ChoiceCard({ choice, voters, voterNames, myVote, canApply, blocked }: ChoiceCardProps) {
  const share = voters > 0 ? choice.votes / voters : 0;
  return (
    <li className={`choice ${myVote?.mine ? 'voted' : ''}`}>
      <div className="choice-main">
        <h3 className="choice-label">{choice.label}</h3>
        <p className="choice-cost">
          <Icon name="clock" size={14} /> takes {formatGameMinutes(choice.takes)}
        </p>
        {choice.check ? <CheckLine check={choice.check} /> : null}
      </div>
      <div className="votes" aria-label={`${choice.votes} vote${choice.votes === 1 ? '' : 's'}`}>
        <span className="vote-bar">
          <span style={{ width: `${Math.round(share * 100)}%` }} />
        </span>
        <span className="vote-count">
          {choice.votes} vote{choice.votes === 1 ? '' : 's'}
          {voterNames && voterNames.length ? `: ${voterNames.join(', ')}` : ''}
        </span>
      </div>
      <div className="choice-controls">
        {myVote ? (
          <CommandButton
            control={`choice.vote:${choice.id}`}
            command={{ type: 'choice.vote', choiceId: myVote.mine ? null : choice.id }}
            variant={myVote.mine ? 'secondary' : 'primary'}
            pressed={myVote.mine}
            disabled={blocked !== undefined}
            {...(blocked ? { describedBy: blocked.describedBy } : {})}
          >
            {myVote.mine ? (
              <>
                <Icon name="check" size={16} /> Your vote (withdraw)
              </>
            ) : (
              'Vote for this'
            )}
          </CommandButton>
        ) : null}
        {canApply ? <ApplyControl choice={choice} blocked={blocked} /> : null}
      </div>
    </li>
  );
}
