import { open, readdir, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import {
  fileTooLarge,
  isTestsFile,
  MAX_SCENARIO_BYTES,
  parseScenarioWith,
  type ParseResult,
} from '@chaos-quest/engine';
import { readBeside } from '../scenarios/read-beside.ts';
import { UsageError } from './usage-error.ts';

const SCENARIO_EXTENSIONS = new Set(['.yaml', '.yml']);

/**
 * Files as given, and each directory's *.yaml / *.yml files (not recursive), sorted; relative paths are
 * read from `cwd` but returned as given, so reports name files the way the user typed them. Throws
 * UsageError for a missing path.
 */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(resolve(cwd, path)).catch(() => null);
    if (!info) throw new UsageError(`no such file or directory: ${path}`);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    // A directory stands for its scenarios; the tests beside them are read with their scenario.
    const names = (await readdir(resolve(cwd, path)))
      .filter((name) => SCENARIO_EXTENSIONS.has(extname(name)) && !isTestsFile(name))
      .sort();
    files.push(...names.map((name) => join(path, name)));
  }
  return files;
}

export interface ScenarioFile extends ParseResult {
  file: string;
  /** The text as read, its baseline CSVs attached, or null when the file was refused unread (too large). */
  text: string | null;
}

/**
 * Reads and checks one scenario file (a relative `file` from `cwd`). A file over the size cap is
 * refused from its size alone, without reading it. `deep` adds the checks that explore reachable
 * states (parseScenario). Rejects only when the file cannot be read at all.
 */
export async function readScenarioFile(file: string, cwd: string, deep = true): Promise<ScenarioFile> {
  const handle = await open(resolve(cwd, file), 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_SCENARIO_BYTES)
      return { file, text: null, scenario: null, diagnostics: [fileTooLarge(file, size)], baselineFiles: [] };
    const text = await handle.readFile('utf8');
    return { file, ...parseScenarioWith(text, file, readBeside(dirname(resolve(cwd, file))), { deep }) };
  } finally {
    await handle.close();
  }
}
