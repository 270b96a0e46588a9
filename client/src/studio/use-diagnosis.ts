import type { Diagnostic, Scenario } from '@chaos-quest/engine';
import { useCallback, useEffect, useRef, useState } from 'react';
import { diagnose, type Diagnosis } from './diagnose.ts';
import * as api from './studio-api.ts';

/** The file under the cursor of the studio, as the editor holds it now (saved or not). */
export interface Draft {
  name: string;
  text: string;
}

/**
 * The studio's diagnostics for the draft `current()` returns: the checks that need no exploring at
 * once, on the page, then validate's full set from a worker, of which only the answer for the latest
 * text is shown. CSV files a scenario reads are fetched once and kept; their arrival checks again.
 * `liveScenario` is the last version of the draft that parsed without errors. `diagnoseNow` returns
 * the quick pass, so a caller wanting the parsed scenario need not parse twice.
 */
export function useDiagnosis(current: () => Draft | null) {
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const [checks, setChecks] = useState(0);
  const [deepChecks, setDeepChecks] = useState(0);
  const [deepPending, setDeepPending] = useState(false);
  const [liveScenario, setLiveScenario] = useState<Scenario | null>(null);
  const csv = useRef(new Map<string, string | null>());
  const worker = useRef<Worker | null>(null);
  const deepId = useRef(0);
  // Set below, once diagnoseNow exists: a CSV that arrives checks the draft again.
  const rerun = useRef<() => void>(() => undefined);

  const beside = useCallback((name: string) => {
    const cache = csv.current;
    if (cache.has(name)) return cache.get(name) ?? null;
    cache.set(name, null);
    api
      .readFile(name)
      .then((read) => {
        cache.set(name, read.text);
        rerun.current();
      })
      .catch(() => undefined);
    return null;
  }, []);

  useEffect(() => {
    const created = new Worker(new URL('./deep-check.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<{ id: number; diagnostics: Diagnostic[] }>) => {
      if (event.data.id !== deepId.current) return;
      setDiagnostics(event.data.diagnostics);
      setDeepChecks((n) => n + 1);
      setDeepPending(false);
    };
    worker.current = created;
    return () => created.terminate();
  }, []);

  const diagnoseNow = useCallback((): Diagnosis | null => {
    const draft = current();
    if (!draft) return null;
    const result = diagnose(draft.name, draft.text, beside, false);
    setDiagnostics(result.diagnostics);
    setChecks((n) => n + 1);
    if (result.scenario) setLiveScenario(result.scenario);
    if (worker.current) {
      const id = ++deepId.current;
      const known: Record<string, string> = {};
      for (const [name, value] of csv.current) if (value !== null) known[name] = value;
      setDeepPending(true);
      worker.current.postMessage({ id, file: draft.name, text: draft.text, beside: known });
    }
    return result;
  }, [beside, current]);
  rerun.current = diagnoseNow;

  /** Parses `text` as file `name` without showing anything: the scenario a save leaves on disk. */
  const parse = useCallback((name: string, text: string) => diagnose(name, text, beside, false).scenario, [beside]);

  return { diagnostics, checks, deepChecks, deepPending, liveScenario, setLiveScenario, diagnoseNow, parse };
}
