import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { scenarioSchema, sha256, type Scenario } from '@chaos-quest/engine';

/** The scenario benchmarks play by default: a fixed copy of the DESIGN example, stable across runs. */
export const DEFAULT_BENCH_SCENARIO = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'dns-ttl-trap.yaml',
);

export interface BenchScenario {
  scenario: Scenario;
  /** The exact file text and its SHA-256, as a session stores them. */
  text: string;
  hash: string;
}

/** Reads and validates a scenario file. Throws (with zod's issues) when the file is not a valid scenario. */
export function loadBenchScenario(file: string = DEFAULT_BENCH_SCENARIO): BenchScenario {
  const text = fs.readFileSync(file, 'utf8');
  return { scenario: scenarioSchema.parse(parse(text)), text, hash: sha256(text) };
}
