import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES } from '@chaos-quest/engine';
import { ScenarioLibrary } from './library.ts';
import { sha256Hex } from '../sha256.ts';

const fixture = readFileSync(new URL('../../../tests/server/fixtures/scenarios/dns-ttl-trap.yaml', import.meta.url), 'utf8');
const quiet = { info: () => {}, warn: () => {} };

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

describe('ScenarioLibrary', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cq-scenarios-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists valid and invalid files, and serves only valid ones', async () => {
    writeFileSync(join(dir, 'dns-ttl-trap.yaml'), fixture);
    writeFileSync(join(dir, 'broken.yaml'), 'format: chaos-quest/1\nid: broken\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a scenario');
    const library = await ScenarioLibrary.open(dir, { watch: false, log: quiet });
    const list = library.list();
    expect(list.map((s) => [s.file, s.valid])).toEqual([['broken.yaml', false], ['dns-ttl-trap.yaml', true]]);
    expect(list[0]?.diagnostics.length).toBeGreaterThan(0);
    expect(list[1]?.roles.map((r) => r.id)).toEqual(['ic', 'sre', 'comms']);
    expect(library.get('dns-ttl-trap')?.hash).toBe(sha256Hex(fixture));
    expect(library.get('broken')).toBeUndefined();
  });

  it('refuses an oversized file before parsing it', async () => {
    writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`);
    const library = await ScenarioLibrary.open(dir, { watch: false, log: quiet });
    expect(library.list()[0]).toMatchObject({ valid: false, diagnostics: [{ code: 'CQ1001' }] });
  });

  it('is empty, not failing, when the folder does not exist', async () => {
    const library = await ScenarioLibrary.open(join(dir, 'missing'), { watch: false, log: quiet });
    expect(library.list()).toEqual([]);
  });

  it('reloads a scenario when its file changes', async () => {
    writeFileSync(join(dir, 'dns-ttl-trap.yaml'), fixture);
    const library = await ScenarioLibrary.open(dir, { watch: true, log: quiet });
    try {
      const edited = fixture.replace('title: The TTL Trap', 'title: The TTL Trap, revised');
      writeFileSync(join(dir, 'dns-ttl-trap.yaml'), edited);
      await until(() => library.get('dns-ttl-trap')?.scenario.title === 'The TTL Trap, revised');
      expect(library.get('dns-ttl-trap')?.hash).toBe(sha256Hex(edited));
    } finally {
      library.close();
    }
  });
});
