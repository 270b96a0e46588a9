import { lstatSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { basename, extname, join } from 'node:path';
import {
  isTestsFile,
  parseScenarioWith,
  type Diagnostic,
  type Scenario,
  type ScenarioSummary,
} from '@chaos-quest/engine';
import { sha256Hex } from '../sha256.ts';
import { publicDiagnostics } from './public-diagnostics.ts';
import { readRegularFile } from './read-regular-file.ts';
import { readBeside } from './read-beside.ts';

/** One scenario file as last read from disk. */
export interface ScenarioEntry {
  file: string;
  text: string;
  /** SHA-256 of `text`: the key under which a session keeps the exact text it started with. */
  hash: string;
  scenario: Scenario | null;
  summary: ScenarioSummary;
}

/** One file as read and parsed, before duplicate ids are settled. */
interface FileRead {
  file: string;
  text: string;
  scenario: Scenario | null;
  diagnostics: Diagnostic[];
}

interface LibraryLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

/**
 * The scenarios in a folder (`*.yaml`, `*.yml`), reloaded when a file changes. Running sessions
 * are untouched by a reload: they keep the text they started with, stored by hash. The folder is
 * untrusted: only regular files are read (see read-regular-file.ts), every entry that is skipped is
 * listed with a diagnostic saying why, and a second file with a scenario id already served is
 * refused (CQ1010) rather than replacing it.
 */
export class ScenarioLibrary {
  private entries: ScenarioEntry[] = [];
  private watcher: FSWatcher | null = null;
  private reloadTimer: NodeJS.Timeout | null = null;
  private reloading: Promise<void> = Promise.resolve();
  /** The folder as it was when last read (see stamp). */
  private readStamp: string | null = null;
  private readonly dir: string;
  private readonly log: LibraryLog;

  private constructor(dir: string, log: LibraryLog) {
    this.dir = dir;
    this.log = log;
  }

  /** Loads every scenario in `dir` and, with `watch`, follows changes. A missing folder is an empty library. */
  static async open(dir: string, options: { watch: boolean; log: LibraryLog }): Promise<ScenarioLibrary> {
    const library = new ScenarioLibrary(dir, options.log);
    await library.reload();
    if (options.watch) library.follow();
    return library;
  }

  /** Every file's summary with its diagnostics, valid or not, sorted by file name. */
  list(): ScenarioSummary[] {
    return this.entries.map((e) => e.summary);
  }

  /** The valid scenario with this id, or undefined. */
  get(id: string): (ScenarioEntry & { scenario: Scenario }) | undefined {
    return this.entries.find(
      (e): e is ScenarioEntry & { scenario: Scenario } => e.scenario !== null && e.scenario.id === id,
    );
  }

  /** Re-reads the folder; resolves when the new entries are in place. Never rejects. */
  reload(): Promise<void> {
    return this.load(false);
  }

  /**
   * `whenChanged`: only if a file was added, removed or written since the last read. A studio save
   * reloads at once (new sessions see it even where watching is off), and the watcher then fires
   * for the same write: that second read would parse every scenario again for nothing.
   */
  private load(whenChanged: boolean): Promise<void> {
    this.reloading = this.reloading.then(() => {
      // Listed and stamped before reading, so a write during the read makes the next look differ.
      const names = this.names();
      const stamp = names === null ? null : this.stamp(names);
      if (whenChanged && stamp !== null && stamp === this.readStamp) return;
      this.entries = this.readAll(names);
      this.readStamp = stamp;
      this.log.info(
        { scenariosDir: this.dir, scenarios: this.entries.length },
        `Loaded ${this.entries.length} scenario file(s) from ${this.dir}`,
      );
    });
    return this.reloading;
  }

  /** The folder's entries; null when it cannot be listed. */
  private names(): string[] | null {
    try {
      return readdirSync(this.dir);
    } catch {
      return null;
    }
  }

  /** Each entry of the folder with its size, time and inode. */
  private stamp(names: readonly string[]): string {
    return [...names]
      .sort()
      .map((name) => {
        const stat = lstatSync(join(this.dir, name), { throwIfNoEntry: false });
        return stat ? `${name}\0${stat.size}\0${stat.mtimeMs}\0${stat.ino}` : name;
      })
      .join('\n');
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
  }

  private follow(): void {
    try {
      this.watcher = watch(this.dir, () => {
        // Editors write a file in several steps; one reload after they settle is enough.
        if (this.reloadTimer) clearTimeout(this.reloadTimer);
        this.reloadTimer = setTimeout(() => void this.load(true), 150);
      });
      this.watcher.on('error', (error) => this.log.warn({ err: error }, `Stopped watching ${this.dir}`));
    } catch (error) {
      this.log.warn({ err: error }, `Cannot watch ${this.dir}; scenario edits need a restart`);
    }
  }

  /** Synchronous, like each read: see readRegularFile for why nothing here may use the thread pool. */
  private readAll(names: readonly string[] | null): ScenarioEntry[] {
    if (names === null) {
      this.log.warn({ scenariosDir: this.dir }, `No scenario folder at ${this.dir}`);
      return [];
    }
    const files = names.filter((n) => ['.yaml', '.yml'].includes(extname(n)) && !isTestsFile(n)).sort();
    const read = files.map((name) => this.readOne(name)).filter((e) => e !== null);
    const serving = new Map(this.entries.flatMap((e) => (e.scenario ? [[e.scenario.id, e.file] as const] : [])));
    return refuseDuplicateIds(read, serving).map((r) => entryOf(r.file, r.text, r.scenario, r.diagnostics));
  }

  private readOne(file: string): FileRead | null {
    const read = readRegularFile(this.dir, file);
    // Deleted between readdir and read: the next reload will not list it either.
    if (read.kind === 'gone') return null;
    if (read.kind === 'refused') {
      this.log.warn({ file, code: read.diagnostic.code }, `Skipped ${file}: ${read.diagnostic.message}`);
      return { file, text: '', scenario: null, diagnostics: [read.diagnostic] };
    }
    // The text kept is the scenario's own with its baseline CSVs attached: what a session stores.
    return { file, ...parseScenarioWith(read.text, file, readBeside(this.dir)) };
  }
}

/**
 * One file serves each scenario id: the one that served it before this reload if it still can (so
 * a file added later never takes over a scenario in use), otherwise the first by name. Every other
 * valid file with that id is listed as invalid with CQ1010 and not served.
 */
function refuseDuplicateIds(files: readonly FileRead[], previous: ReadonlyMap<string, string>): FileRead[] {
  const usable = (f: FileRead): f is FileRead & { scenario: Scenario } =>
    f.scenario !== null && !f.diagnostics.some((d) => d.severity === 'error');
  const servedBy = new Map<string, string>();
  for (const f of files) {
    if (usable(f) && previous.get(f.scenario.id) === f.file) servedBy.set(f.scenario.id, f.file);
  }
  for (const f of files) {
    if (usable(f) && !servedBy.has(f.scenario.id)) servedBy.set(f.scenario.id, f.file);
  }
  return files.map((entry) => {
    const owner = usable(entry) ? servedBy.get(entry.scenario.id) : undefined;
    if (!usable(entry) || owner === entry.file) return entry;
    const duplicate: Diagnostic = {
      file: entry.file,
      line: 1,
      col: 1,
      code: 'CQ1010',
      severity: 'error',
      path: 'id',
      message:
        `id: scenario id '${entry.scenario.id}' is already served by ${owner}, so this file is not loaded; ` +
        'give it another id or remove one of the two.',
    };
    return { ...entry, diagnostics: [duplicate, ...entry.diagnostics] };
  });
}

function entryOf(file: string, text: string, scenario: Scenario | null, diagnostics: Diagnostic[]): ScenarioEntry {
  const errors = diagnostics.some((d) => d.severity === 'error');
  const usable = errors ? null : scenario;
  return {
    file,
    text,
    hash: sha256Hex(text),
    scenario: usable,
    summary: summaryOf(file, usable ?? scenario, diagnostics),
  };
}

/** A scenario's session parameters as the create form offers them: one a deal holds is dealt unless picked. */
function parameterSummaries(scenario: Scenario): NonNullable<ScenarioSummary['parameters']> {
  const dealt = new Set((scenario.deal ?? []).map((d) => d.parameter));
  return (scenario.parameters ?? []).map((p) => ({
    id: p.id,
    label: p.label,
    options: p.options,
    ...(dealt.has(p.id) ? { dealt: true as const } : {}),
  }));
}

function summaryOf(file: string, scenario: Scenario | null, diagnostics: Diagnostic[]): ScenarioSummary {
  return {
    id: scenario?.id ?? basename(file, extname(file)),
    file,
    title: scenario?.title ?? null,
    summary: scenario?.summary ?? null,
    difficulty: scenario?.difficulty ?? null,
    duration: scenario?.duration ?? null,
    services: scenario?.services ?? [],
    telemetry: scenario?.telemetry !== undefined,
    roles: scenario?.roles.map((r) => ({ id: r.id, name: r.name })) ?? [],
    ...(scenario?.parameters ? { parameters: parameterSummaries(scenario) } : {}),
    valid: !diagnostics.some((d) => d.severity === 'error') && scenario !== null,
    diagnostics: publicDiagnostics(diagnostics),
  };
}
