import './zod-jitless.ts';
import type { Scenario, TestStep } from '@chaos-quest/engine';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { HttpError, messageOf } from '../api/http.ts';
import { appendTest } from './append-test.ts';
import { CodeEditor, type EditorHandle } from './CodeEditor.tsx';
import { SimulationTable, TestsTable } from './Reports.tsx';
import { GraphPanel } from './ScenarioGraph.tsx';
import { SoloPlaytest } from './playtest/SoloPlaytest.tsx';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';
import { FileList } from './FileList.tsx';
import { lineOfNode } from './scenario-graph.ts';
import * as api from './studio-api.ts';
import { useDiagnosis } from './use-diagnosis.ts';
import { useDiskFollow } from './use-disk-follow.ts';
import { useLeaveGuard } from './use-leave-guard.ts';
import './studio.css';

/** Light debounce: a parse per pause in typing, not per key. */
const DIAGNOSE_AFTER_MS = 30;
const MAX_RUNS = 2_000;

interface Loaded {
  name: string;
  /** The text as last read from or written to disk. */
  saved: string;
  hash: string;
  /** The file's time and size on disk for that text, as the folder's listing gives them. */
  mtimeMs: number;
  size: number;
  /** Bumps on every load from disk, so the editor starts a fresh document. */
  version: number;
}

/** What a read or a save says of the version on disk: its hash, time and size. */
const stampOf = (file: { hash: string; mtimeMs: number; size: number }) => ({
  hash: file.hash,
  mtimeMs: file.mtimeMs,
  size: file.size,
});

/** The scenario studio: files, editor with live diagnostics, graph, and simulate/tests reports. */
export function StudioPage({ file }: { file: string | null }) {
  const [files, setFiles] = useState<api.StudioFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The server hides the studio (404) or refused the key (401): offer the admin key field. */
  const [needsKey, setNeedsKey] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [dirty, setDirty] = useState(false);
  const [savedScenario, setSavedScenario] = useState<Scenario | null>(null);
  const [status, setStatus] = useState<string>('');
  const [diskChanged, setDiskChanged] = useState<api.StudioFileText | null>(null);
  const [simReport, setSimReport] = useState<api.SimulationReport | null>(null);
  const [testReport, setTestReport] = useState<api.TestsReport | null>(null);
  const [busy, setBusy] = useState<'simulate' | 'tests' | 'save' | null>(null);
  const [runs, setRuns] = useState(200);
  /** The playtest's path, as test steps: kept across reloads of the file, replayed on each new version. */
  const [steps, setSteps] = useState<TestStep[]>([]);
  const [path, setPath] = useState<string[]>([]);
  const editor = useRef<EditorHandle | null>(null);
  const text = useRef('');
  const timer = useRef<number | null>(null);
  const loadedRef = useRef<Loaded | null>(null);
  loadedRef.current = loaded;
  /** The ref answers at once (the poll and the handlers read it between renders); the state redraws. */
  const keep = useCallback((next: Loaded) => {
    loadedRef.current = next;
    setLoaded(next);
  }, []);
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;

  useLeaveGuard(dirty, 'This file has unsaved changes. Leave without saving them?');

  const current = useCallback(
    () => (loadedRef.current ? { name: loadedRef.current.name, text: text.current } : null),
    [],
  );
  const { diagnostics, checks, deepChecks, deepPending, liveScenario, setLiveScenario, diagnoseNow, parse } =
    useDiagnosis(current);
  const runDiagnosis = useCallback(() => void diagnoseNow(), [diagnoseNow]);

  const refreshList = useCallback(async () => {
    try {
      const list = await api.listFiles();
      setFiles(list.files);
      setError(null);
      setNeedsKey(false);
      return list.files;
    } catch (e) {
      setError(messageOf(e));
      setNeedsKey(e instanceof HttpError && (e.status === 404 || e.status === 401));
      return null;
    }
  }, []);

  const adopt = useCallback(
    (read: api.StudioFileText) => {
      const previous = loadedRef.current;
      keep({ name: read.name, saved: read.text, ...stampOf(read), version: (previous?.version ?? 0) + 1 });
      text.current = read.text;
      setDirty(false);
      setDiskChanged(null);
      const sameFile = previous?.name === read.name;
      if (!sameFile) {
        setSteps([]);
        setPath([]);
      }
      const scenario = diagnoseNow()?.scenario ?? null;
      // A new version that parses rebuilds the playtest (same steps); one that does not keeps the last.
      if (scenario || !sameFile) {
        setSavedScenario(scenario);
        setLiveScenario(scenario);
      }
    },
    [diagnoseNow, setLiveScenario, keep],
  );

  // Open the file the route names.
  useEffect(() => {
    void refreshList();
    if (!file) return;
    let stale = false;
    setSimReport(null);
    setTestReport(null);
    setLiveScenario(null);
    api
      .readFile(file)
      .then((read) => {
        if (!stale) adopt(read);
      })
      .catch((e: unknown) => !stale && setError(messageOf(e)));
    return () => {
      stale = true;
    };
  }, [file, adopt, refreshList]);

  // Changes on disk (another editor, a git checkout): reload when nothing is unsaved, else ask.
  const onDiskVersion = useCallback(
    (read: api.StudioFileText) => {
      const current = loadedRef.current;
      if (!current) return;
      if (read.hash === current.hash) {
        // Touched, same text: only its stamp moved.
        keep({ ...current, ...stampOf(read) });
      } else if (dirtyRef.current) setDiskChanged(read);
      else {
        adopt(read);
        setStatus(`${read.name} changed on disk; reloaded.`);
      }
    },
    [adopt, keep],
  );
  useDiskFollow(loadedRef, refreshList, onDiskVersion);

  const onChange = useCallback(
    (next: string) => {
      text.current = next;
      setDirty(next !== loadedRef.current?.saved);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(runDiagnosis, DIAGNOSE_AFTER_MS);
    },
    [runDiagnosis],
  );

  const save = useCallback(
    async (content = text.current) => {
      const current = loadedRef.current;
      if (!current) return;
      setBusy('save');
      try {
        const saved = await api.saveFile(current.name, content, current.hash);
        keep({ ...current, saved: content, ...stampOf(saved) });
        setDirty(text.current !== content);
        const parsed = parse(current.name, content);
        if (parsed) setSavedScenario(parsed);
        setStatus(`Saved ${current.name}.`);
        void refreshList();
      } catch (e) {
        setStatus(`Not saved: ${messageOf(e)}`);
        // Someone else's edit is on disk: show it beside ours and let the author choose.
        if (e instanceof HttpError && e.code === 'changed') {
          const read = await api.readFile(current.name).catch(() => null);
          if (read && loadedRef.current?.name === read.name) setDiskChanged(read);
        }
      } finally {
        setBusy(null);
      }
    },
    [parse, refreshList, keep],
  );

  /** The author read the disk's version and keeps theirs: the next save is based on the disk's, so it overwrites it. */
  const keepMine = useCallback(
    (read: api.StudioFileText) => {
      const current = loadedRef.current;
      setDiskChanged(null);
      if (!current || current.name !== read.name) return;
      keep({ ...current, saved: read.text, ...stampOf(read) });
      setDirty(text.current !== read.text);
    },
    [keep],
  );

  const goTo = useCallback((line: number, col = 1) => editor.current?.goTo(line, col), []);

  // Ctrl/Cmd-S saves from anywhere on the page (the editor's own keymap takes it first when focused).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.key.toLowerCase() !== 's' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      if (loadedRef.current) void save();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const saveTest = useCallback(
    (item: string) => {
      const next = appendTest(text.current, item);
      editor.current?.replaceText(next);
      text.current = next;
      void save(next);
    },
    [save],
  );

  const runSimulate = async () => {
    if (!loaded) return;
    setBusy('simulate');
    setStatus('Simulating…');
    try {
      setSimReport(await api.simulate(loaded.name, runs));
      setStatus('Simulation done.');
    } catch (e) {
      setStatus(`Simulation failed: ${messageOf(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const runFileTests = async () => {
    if (!loaded) return;
    setBusy('tests');
    setStatus('Running tests…');
    try {
      const report = await api.runTests(loaded.name);
      setTestReport(report);
      setStatus(`Tests: ${report.passed} passed, ${report.failed} failed.`);
    } catch (e) {
      setStatus(`Tests did not run: ${messageOf(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const ownDiagnostics = useMemo(() => diagnostics.filter((d) => d.file === loaded?.name), [diagnostics, loaded]);
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const isScenario = loaded !== null && !loaded.name.endsWith('.csv') && !/\.tests\.ya?ml$/.test(loaded.name);

  return (
    <main className="studio" aria-label="Scenario studio">
      <p className="studio-narrow" role="note">
        The studio needs a wider screen (at least 900 px): open it on a laptop or desktop to edit scenarios.
      </p>
      <FileList files={files} open={file} error={error} needsKey={needsKey} onChanged={() => void refreshList()} />
      {!loaded ? (
        <section className="studio-empty" aria-label="No file open">
          <p>{file ? 'Opening…' : 'Open a file on the left, or start a new one.'}</p>
        </section>
      ) : (
        <>
          <section className="studio-main" aria-label={`Editing ${loaded.name}`}>
            <div className="studio-toolbar" role="toolbar" aria-label="File actions">
              <h2>
                {loaded.name}
                {dirty ? (
                  <span className="studio-dirty" aria-label="unsaved changes">
                    {' '}
                    ● unsaved
                  </span>
                ) : null}
              </h2>
              <button
                type="button"
                className="button primary small"
                onClick={() => void save()}
                disabled={busy !== null}
              >
                Save
              </button>
              {isScenario ? (
                <>
                  <label className="studio-runs">
                    Runs
                    <input
                      type="number"
                      min={1}
                      max={MAX_RUNS}
                      value={runs}
                      onChange={(e) => setRuns(Math.min(MAX_RUNS, Math.max(1, Number(e.target.value) || 1)))}
                    />
                  </label>
                  <button
                    type="button"
                    className="button small"
                    onClick={() => void runSimulate()}
                    disabled={busy !== null || dirty}
                  >
                    Simulate
                  </button>
                  <button
                    type="button"
                    className="button small"
                    onClick={() => void runFileTests()}
                    disabled={busy !== null || dirty}
                  >
                    Run tests
                  </button>
                </>
              ) : null}
            </div>
            {dirty && isScenario ? (
              <p className="studio-hint">Simulate and tests run on the saved file: save first.</p>
            ) : null}
            {diskChanged ? (
              <div className="studio-disk" role="alert">
                {diskChanged.name} changed on disk while you have unsaved edits.
                <button type="button" className="button small" onClick={() => adopt(diskChanged)}>
                  Load the disk version
                </button>
                <button type="button" className="button small quiet" onClick={() => keepMine(diskChanged)}>
                  Keep my edits (saving overwrites it)
                </button>
              </div>
            ) : null}
            <CodeEditor
              ref={editor}
              docKey={`${loaded.name}:${loaded.version}`}
              initialText={loaded.saved}
              diagnostics={ownDiagnostics}
              label={`${loaded.name} text`}
              onChange={onChange}
              onSave={() => void save()}
            />
            <DiagnosticsPanel
              diagnostics={diagnostics}
              checks={checks}
              deepChecks={deepChecks}
              deepPending={deepPending}
              onPick={(d) => (d.file === loaded.name ? goTo(d.line, d.col) : undefined)}
            />
            <p className="studio-status" role="status">
              {status}
            </p>
            {simReport ? <SimulationTable report={simReport} /> : null}
            {testReport ? <TestsTable report={testReport} onGoTo={goTo} /> : null}
          </section>
          <aside className="studio-side" aria-label="Graph and playtest">
            <GraphPanel
              scenario={liveScenario}
              isScenario={isScenario}
              hasErrors={errorCount > 0}
              path={path}
              onPick={(id) => {
                const line = lineOfNode(text.current, id);
                if (line !== null) goTo(line);
              }}
            />
            {isScenario ? (
              <SoloPlaytest
                scenario={savedScenario}
                steps={steps}
                onStepsChange={setSteps}
                onPathChange={setPath}
                onSaveTest={saveTest}
              />
            ) : null}
          </aside>
        </>
      )}
    </main>
  );
}
