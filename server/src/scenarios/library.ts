import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileTooLarge, MAX_SCENARIO_BYTES, parseScenario, type Diagnostic, type Scenario, type ScenarioSummary } from '@chaos-quest/engine';
import { sha256Hex } from '../sha256.ts';

/** One scenario file as last read from disk. */
export interface ScenarioEntry {
  file: string;
  text: string;
  /** SHA-256 of `text`: the key under which a session keeps the exact text it started with. */
  hash: string;
  scenario: Scenario | null;
  summary: ScenarioSummary;
}

interface LibraryLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

/**
 * The scenarios in a folder (`*.yaml`, `*.yml`), reloaded when a file changes. Running sessions
 * are untouched by a reload: they keep the text they started with, stored by hash.
 */
export class ScenarioLibrary {
  private entries: ScenarioEntry[] = [];
  private watcher: FSWatcher | null = null;
  private reloadTimer: NodeJS.Timeout | null = null;
  private reloading: Promise<void> = Promise.resolve();
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
    return this.entries.find((e): e is ScenarioEntry & { scenario: Scenario } => e.scenario !== null && e.scenario.id === id);
  }

  /** Re-reads the folder; resolves when the new entries are in place. Never rejects. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(async () => {
      this.entries = await this.readAll();
      this.log.info({ scenariosDir: this.dir, scenarios: this.entries.length }, `Loaded ${this.entries.length} scenario file(s) from ${this.dir}`);
    });
    return this.reloading;
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
        this.reloadTimer = setTimeout(() => void this.reload(), 150);
      });
      this.watcher.on('error', (error) => this.log.warn({ err: error }, `Stopped watching ${this.dir}`));
    } catch (error) {
      this.log.warn({ err: error }, `Cannot watch ${this.dir}; scenario edits need a restart`);
    }
  }

  private async readAll(): Promise<ScenarioEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      this.log.warn({ scenariosDir: this.dir }, `No scenario folder at ${this.dir}`);
      return [];
    }
    const files = names.filter((n) => ['.yaml', '.yml'].includes(extname(n))).sort();
    const entries = await Promise.all(files.map((name) => this.readOne(join(this.dir, name))));
    return entries.filter((e) => e !== null);
  }

  private async readOne(path: string): Promise<ScenarioEntry | null> {
    const file = basename(path);
    try {
      const size = (await stat(path)).size;
      // Scenario files are untrusted input: an oversized one is refused before it is even read.
      if (size > MAX_SCENARIO_BYTES) return entryOf(file, '', null, [fileTooLarge(file, size)]);
      const text = await readFile(path, 'utf8');
      const { scenario, diagnostics } = parseScenario(text, file);
      return entryOf(file, text, scenario, diagnostics);
    } catch {
      // Deleted between readdir and read: the next reload will not list it either.
      return null;
    }
  }
}

function entryOf(file: string, text: string, scenario: Scenario | null, diagnostics: Diagnostic[]): ScenarioEntry {
  const errors = diagnostics.some((d) => d.severity === 'error');
  const usable = errors ? null : scenario;
  return { file, text, hash: sha256Hex(text), scenario: usable, summary: summaryOf(file, usable ?? scenario, diagnostics) };
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
    roles: scenario?.roles.map((r) => ({ id: r.id, name: r.name })) ?? [],
    valid: !diagnostics.some((d) => d.severity === 'error') && scenario !== null,
    diagnostics: diagnostics.map(({ file: f, line, col, code, severity, message, path }) => ({ file: f, line, col, code, severity, message, path })),
  };
}
