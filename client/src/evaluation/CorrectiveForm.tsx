import { useId, useState, type FormEvent } from 'react';
import type { ExerciseView } from '@chaos-quest/engine';
import { CAPABILITY_ELEMENTS, PRIORITIES } from '@chaos-quest/engine/client';
import { useCommand } from '../session/SessionProvider.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { ObjectiveSelect } from './ObjectiveSelect.tsx';

type Element = (typeof CAPABILITY_ELEMENTS)[number];
type Priority = (typeof PRIORITIES)[number];

const today = () => new Date().toISOString().slice(0, 10);

/** A row of the improvement plan: the issue, the corrective action, its capability element, who owns it by when. */
export function CorrectiveForm({ exercise }: { exercise: ExerciseView }) {
  const { send, busy, error, clearError } = useCommand('corrective.add');
  const [issue, setIssue] = useState('');
  const [action, setAction] = useState('');
  const [objective, setObjective] = useState('');
  const [element, setElement] = useState<Element>('planning');
  const [priority, setPriority] = useState<Priority>('medium');
  const [owner, setOwner] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [due, setDue] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({
      type: 'corrective.add',
      issue: issue.trim(),
      action: action.trim(),
      objective: objective || null,
      element,
      priority,
      owner: owner.trim(),
      organisation: organisation.trim(),
      due,
    }).then((ok) => {
      if (!ok) return;
      setIssue('');
      setAction('');
    });
  };
  const ready = [issue, action, owner, organisation, due].every((v) => v.trim() !== '');
  return (
    <form className="corrective-form" onSubmit={submit} onChange={clearError}>
      <label className="field wide">
        <span>Issue (an area for improvement)</span>
        <input value={issue} onChange={(e) => setIssue(e.target.value)} maxLength={500} required />
      </label>
      <label className="field wide">
        <span>Corrective action</span>
        <input value={action} onChange={(e) => setAction(e.target.value)} maxLength={500} required />
      </label>
      <ObjectiveSelect exercise={exercise} value={objective} onChange={setObjective} />
      <span className="field">
        <label htmlFor={`${id}-element`}>Capability element</label>
        <select id={`${id}-element`} value={element} onChange={(e) => setElement(e.target.value as Element)}>
          {CAPABILITY_ELEMENTS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </span>
      <span className="field">
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select id={`${id}-priority`} value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </span>
      <label className="field">
        <span>Owner</span>
        <input
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          maxLength={100}
          required
          placeholder="Person or role"
        />
      </label>
      <label className="field">
        <span>Organisation</span>
        <input value={organisation} onChange={(e) => setOrganisation(e.target.value)} maxLength={100} required />
      </label>
      <label className="field">
        <span>Due</span>
        <input type="date" value={due} min={today()} onChange={(e) => setDue(e.target.value)} required />
      </label>
      <div className="button-row wide">
        <button type="submit" className="button primary" disabled={busy || !ready}>
          Add to the improvement plan
        </button>
      </div>
      <FieldError message={error} />
    </form>
  );
}
