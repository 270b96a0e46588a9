import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../client/src/studio/diagnose.ts';
import { readScenarioFile } from '../server/src/cli/scenario-files.ts';

const FIXTURES = fileURLToPath(new URL('../engine/src/scenario/fixtures/', import.meta.url));

/**
 * The studio's diagnostics are `chaos-quest validate`'s: for every diagnostic fixture (each CQ code's
 * file, CSV baselines beside them included), the studio's full check of the text gives exactly the
 * diagnostics the CLI reads from the file, and its quick check (no exploring) a subset of them.
 */
describe("the studio's diagnostics", () => {
  // The CQ204x fixtures hold the shipped library's extra rules (`validate --library`), which the studio does not apply.
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml') && !f.startsWith('CQ204'));

  it.each(files)('match validate for %s', async (file) => {
    const cli = await readScenarioFile(file, FIXTURES);
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const beside = (name: string) => {
      try {
        return readFileSync(join(FIXTURES, name), 'utf8');
      } catch {
        return null;
      }
    };
    const full = diagnose(file, text, beside, true);
    expect(full.diagnostics).toEqual(cli.diagnostics);
    expect(cli.diagnostics.length).toBeGreaterThan(0);
    const quick = diagnose(file, text, beside, false).diagnostics;
    for (const d of quick) expect(cli.diagnostics).toContainEqual(d);
  });
});
