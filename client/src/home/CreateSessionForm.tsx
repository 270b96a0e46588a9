import { useEffect, useState, type FormEvent } from 'react';
import type { CreateSessionRequest, CreateSessionResponse, ScenarioSummary } from '@chaos-quest/engine';
import { seats } from '../api/browser-seats.ts';
import { HttpError, messageOf, requestJson } from '../api/http.ts';
import { navigate } from '../app/use-route.ts';
import { AdminKeyField } from '../ui/AdminKeyField.tsx';
import { FieldError } from '../ui/FieldError.tsx';
import { ParameterFields } from './ParameterFields.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';

type Library =
  { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; scenarios: ScenarioSummary[] };

function useScenarioLibrary(): Library {
  const [library, setLibrary] = useState<Library>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    requestJson<ScenarioSummary[]>('/api/scenarios').then(
      (scenarios) => live && setLibrary({ state: 'ready', scenarios }),
      (error: unknown) => live && setLibrary({ state: 'failed', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return library;
}

/** Opens a new session as its facilitator: pick a scenario, label the team, go to the lobby. */
export function CreateSessionForm() {
  const library = useScenarioLibrary();
  const [selected, setSelected] = useState<string | null>(null);
  const [team, setTeam] = useState('');
  const [seed, setSeed] = useState('');
  const [plan, setPlan] = useState({ name: '', version: '' });
  const [monitoring, setMonitoring] = useState<'thresholds' | 'thresholds+baseline'>('thresholds');
  const [parameters, setParameters] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsKey, setNeedsKey] = useState(false);

  const chosen = selected ?? (library.state === 'ready' ? (library.scenarios.find((s) => s.valid)?.id ?? null) : null);
  const declared = library.state === 'ready' ? library.scenarios.find((s) => s.id === chosen)?.parameters : undefined;
  const chosenSummary = library.state === 'ready' ? library.scenarios.find((s) => s.id === chosen) : undefined;
  const chosenTitle = chosenSummary ? (chosenSummary.title ?? chosenSummary.id) : null;
  const picked = Object.fromEntries(Object.entries(parameters).filter(([k]) => declared?.some((p) => p.id === k)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return setError('Pick a scenario first.');
    const withTelemetry = library.state === 'ready' && library.scenarios.some((s) => s.id === chosen && s.telemetry);
    const body: CreateSessionRequest = {
      scenarioId: chosen,
      ...(team.trim() ? { team: team.trim() } : {}),
      ...(seed.trim() ? { seed: seed.trim() } : {}),
      ...(withTelemetry ? { monitoring } : {}),
      ...(plan.name.trim() && plan.version.trim()
        ? { plan: { name: plan.name.trim(), version: plan.version.trim() } }
        : {}),
      ...(Object.keys(picked).length > 0 ? { parameters: picked } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      const created = await requestJson<CreateSessionResponse>('/api/sessions', { body, admin: true });
      const title = library.state === 'ready' ? (library.scenarios.find((s) => s.id === chosen)?.title ?? null) : null;
      const kept = seats.save({
        kind: 'facilitator',
        sessionId: created.sessionId,
        token: created.facilitatorToken,
        joinCode: created.joinCode,
        playerId: null,
        name: null,
        title,
        savedAt: Date.now(),
      });
      if (!kept)
        throw new Error(
          'This browser would not store the facilitator’s key (private mode?). Allow site storage and try again.',
        );
      navigate({ name: 'facilitate', sessionId: created.sessionId });
    } catch (e) {
      setNeedsKey(e instanceof HttpError && e.status === 401);
      setError(messageOf(e));
      setBusy(false);
    }
  }

  return (
    <form className="card create-form" onSubmit={(e) => void submit(e)} aria-labelledby="create-title">
      <h2 id="create-title">Run a game day</h2>
      {library.state === 'loading' ? <p className="loading">Loading scenarios…</p> : null}
      {library.state === 'failed' ? <FieldError message={`Could not load the scenarios: ${library.message}`} /> : null}
      {library.state === 'ready' && library.scenarios.length === 0 ? (
        <p className="empty">No scenarios are installed on this server.</p>
      ) : null}
      {library.state === 'ready' && library.scenarios.length > 0 ? (
        <ScenarioPicker scenarios={library.scenarios} selected={chosen} onSelect={setSelected} />
      ) : null}
      <label className="field">
        <span>Team label</span>
        <input
          value={team}
          maxLength={100}
          onChange={(e) => setTeam(e.target.value)}
          placeholder="e.g. Payments on-call"
          autoComplete="off"
        />
        <small>Metrics group runs by team.</small>
      </label>
      {library.state === 'ready' && library.scenarios.some((s) => s.id === chosen && s.telemetry) ? (
        <label className="field">
          <span>Monitoring</span>
          <select
            value={monitoring}
            onChange={(e) =>
              setMonitoring(e.target.value === 'thresholds+baseline' ? 'thresholds+baseline' : 'thresholds')
            }
          >
            <option value="thresholds">Fixed alert rules only</option>
            <option value="thresholds+baseline">Fixed rules and the dynamic baseline (predictive alerts)</option>
          </select>
          <small>Play the same scenario both ways and compare how soon the team detects the fault.</small>
        </label>
      ) : null}
      <fieldset className="plan-fields">
        <legend>Plan under test (for an exercise’s report)</legend>
        <label className="field">
          <span>Plan</span>
          <input
            value={plan.name}
            maxLength={100}
            onChange={(e) => setPlan({ ...plan, name: e.target.value })}
            placeholder="e.g. Incident response plan"
            autoComplete="off"
          />
        </label>
        <label className="field small-field">
          <span>Version</span>
          <input
            value={plan.version}
            maxLength={40}
            onChange={(e) => setPlan({ ...plan, version: e.target.value })}
            placeholder="e.g. 3.2"
            autoComplete="off"
          />
        </label>
        <small>An auditor asks which plan version an exercise tested. Leave empty for a plain game day.</small>
      </fieldset>
      {declared ? <ParameterFields parameters={declared} values={picked} onChange={setParameters} /> : null}
      <details className="advanced">
        <summary>Advanced</summary>
        <label className="field">
          <span>Dice seed</span>
          <input
            value={seed}
            maxLength={100}
            onChange={(e) => setSeed(e.target.value)}
            placeholder="random"
            autoComplete="off"
          />
          <small>The same seed rolls the same dice: for rehearsals and demos.</small>
        </label>
      </details>
      <div className="form-actions create-actions">
        <button type="submit" className="button primary" disabled={busy || !chosen} aria-busy={busy}>
          Open a session
        </button>
        {chosenTitle ? <span className="create-chosen">{chosenTitle}</span> : null}
        <FieldError message={error} />
      </div>
      {needsKey ? <AdminKeyField onSaved={() => (setNeedsKey(false), setError(null))} /> : null}
    </form>
  );
}
