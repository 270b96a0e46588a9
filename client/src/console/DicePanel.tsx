import { useId, useState, type FormEvent } from 'react';
import type { Dice, RollRecord, TimelineEntry } from '@chaos-quest/engine';
import { narrationAt } from '../board/outcome.ts';
import { RollCard } from '../board/RollCard.tsx';
import { useCommand } from '../session/SessionProvider.tsx';
import { CommandButton } from '../ui/CommandButton.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { Icon } from '../ui/Icon.tsx';

const DICE = {
  d4: 'd4',
  d6: 'd6',
  d8: 'd8',
  d10: 'd10',
  d12: 'd12',
  d20: 'd20',
  '2d6': '2d6',
  '3d6': '3d6',
  d100: 'd100',
} satisfies Record<Dice, string>;

function NumberField(props: {
  id: string;
  label: string;
  max: number;
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
}) {
  return (
    <span className="field small-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={1}
        max={props.max}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </span>
  );
}

/** Rolls the facilitator kept from the table, each with the button that shows it on every screen. */
function HiddenRolls({ rolls }: { rolls: readonly RollRecord[] }) {
  const hidden = rolls.filter((r) => r.hidden);
  if (hidden.length === 0) return null;
  return (
    <ul className="hidden-rolls" aria-label="Rolls only you have seen">
      {hidden.map((r) => (
        <li key={r.seq}>
          <span>
            <Icon name="lock" size={13} /> Only you see “{r.label}” ({r.dice} shows {r.natural})
          </span>
          <CommandButton
            control={`dice.reveal:${r.seq}`}
            command={{ type: 'dice.reveal', seq: r.seq }}
            variant="primary"
          >
            <Icon name="screen" size={15} /> Reveal to the table
          </CommandButton>
        </li>
      ))}
    </ul>
  );
}

/**
 * The latest roll, and an improvised roll (with a target, or none) for anything the script did not
 * foresee, rolled openly or kept hidden until the facilitator reveals it on every screen.
 */
export function DicePanel({ rolls, timeline }: { rolls: readonly RollRecord[]; timeline: readonly TimelineEntry[] }) {
  const { send, busy, error, clearError } = useCommand('dice.roll');
  const [dice, setDice] = useState<Dice>('d20');
  const [label, setLabel] = useState('');
  const [physical, setPhysical] = useState('');
  const [target, setTarget] = useState('');
  const [hidden, setHidden] = useState(false);
  const ids = { dice: useId(), label: useId(), physical: useId(), target: useId(), hidden: useId() };
  const last = rolls[rolls.length - 1];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = physical.trim() === '' ? undefined : Number(physical);
    const against = target.trim() === '' ? undefined : Number(target);
    void send({
      type: 'dice.roll',
      dice,
      label: label.trim(),
      ...(value === undefined ? {} : { physical: value }),
      ...(against === undefined ? {} : { target: against }),
      ...(hidden ? { hidden } : {}),
    }).then((ok) => {
      if (ok) setPhysical('');
    });
  };
  return (
    <div className="dice-panel">
      <HiddenRolls rolls={rolls} />
      {last ? (
        <RollCard roll={last} narration={narrationAt(timeline, last.seq)} />
      ) : (
        <p className="empty">No dice rolled yet.</p>
      )}
      <form className="dice-form" onSubmit={submit} onChange={clearError}>
        <span className="field">
          <label htmlFor={ids.label}>Roll for</label>
          <input
            id={ids.label}
            value={label}
            maxLength={200}
            required
            placeholder="e.g. Does the cache survive?"
            onChange={(e) => setLabel(e.target.value)}
          />
        </span>
        <span className="field small-field">
          <label htmlFor={ids.dice}>Dice</label>
          <select id={ids.dice} value={dice} onChange={(e) => setDice(e.target.value as Dice)}>
            {Object.keys(DICE).map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </span>
        <NumberField id={ids.target} label="Target" max={200} value={target} placeholder="none" onChange={setTarget} />
        <NumberField
          id={ids.physical}
          label="Table dice"
          max={100}
          value={physical}
          placeholder="auto"
          onChange={setPhysical}
        />
        <span className="check hide-roll">
          <input id={ids.hidden} type="checkbox" checked={hidden} onChange={(e) => setHidden(e.target.checked)} />
          <label htmlFor={ids.hidden}>Keep it hidden until I reveal it</label>
        </span>
        <button type="submit" className="button" disabled={busy || label.trim() === ''}>
          Roll
        </button>
      </form>
      <FieldError message={error} />
    </div>
  );
}
