import { useState, type FormEvent } from 'react';
import type { SessionState, StateSummary, TestStep } from '@chaos-quest/engine';
import { pathAsTest } from '@chaos-quest/engine';
import { FieldError } from '../../ui/FieldError.tsx';

/** "Save path as test": asks for the test's name, then hands its YAML to the studio. */
export function SaveTest({
  summary,
  steps,
  state,
  parameters,
  onSave,
}: {
  summary: StateSummary;
  steps: readonly TestStep[];
  state: SessionState;
  parameters: Record<string, string> | undefined;
  onSave(yamlText: string): void;
}) {
  const [name, setName] = useState(`playtest to ${summary.ending?.id ?? 'the end'}`);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const made = pathAsTest(name, steps, state, parameters ? { parameters } : {});
    if (!made.ok) {
      setError(made.message);
      return;
    }
    setError(null);
    setSaved(made.test.name);
    onSave(made.yaml);
  };
  return (
    <form className="playtest-save" onSubmit={submit}>
      <label>
        Test name <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
      </label>
      <button type="submit" className="button small primary">
        Save path as test
      </button>
      <FieldError message={error} />
      {saved ? (
        <p className="muted small" role="status">
          Test “{saved}” handed to the file.
        </p>
      ) : null}
    </form>
  );
}
