import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES } from '@chaos-quest/engine';
import { ScenarioLibrary } from './library.ts';
import { sha256Hex } from '../sha256.ts';
import { MAX_DIAGNOSTIC_CHARS, MAX_LISTED_DIAGNOSTICS } from './public-diagnostics.ts';

const fixture = readFileSync(
  new URL('../../../tests/server/fixtures/scenarios/dns-ttl-trap.yaml', import.meta.url),
  'utf8',
);
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
    expect(list.map((s) => [s.file, s.valid])).toEqual([
      ['broken.yaml', false],
      ['dns-ttl-trap.yaml', true],
    ]);
    expect(list[0]?.diagnostics.length).toBeGreaterThan(0);
    expect(list[1]?.roles.map((r) => r.id)).toEqual(['ic', 'sre', 'comms']);
    expect(library.get('dns-ttl-trap')?.hash).toBe(sha256Hex(fixture));
    expect(library.get('broken')).toBeUndefined();
  });

  it('keeps a scenario with its baseline CSV attached, so editing the CSV makes another text to store', async () => {
    const calls = (k: number) =>
      `timestamp,value\n${Array.from({ length: 60 }, (_, i) => `t${i},${i * k}`).join('\n')}\n`;
    const telemetry =
      'telemetry:\n  metrics:\n    - { id: calls, component: checkout, name: Calls, unit: n, baseline: { csv: calls.csv } }\n';
    writeFileSync(join(dir, 'dns-ttl-trap.yaml'), `${fixture}${telemetry}`);
    writeFileSync(join(dir, 'calls.csv'), calls(1));
    const first = (await ScenarioLibrary.open(dir, { watch: false, log: quiet })).get('dns-ttl-trap');
    expect(first?.scenario.series?.['calls.csv']?.slice(0, 3)).toEqual([0, 1, 2]);
    expect(first?.text.startsWith(`${fixture}${telemetry}`)).toBe(true);
    expect(first?.text).toContain('# t59,59');
    writeFileSync(join(dir, 'calls.csv'), calls(2));
    const second = (await ScenarioLibrary.open(dir, { watch: false, log: quiet })).get('dns-ttl-trap');
    expect(second?.hash).not.toBe(first?.hash);
    rmSync(join(dir, 'calls.csv'));
    const gone = await ScenarioLibrary.open(dir, { watch: false, log: quiet });
    expect(gone.list()[0]).toMatchObject({ valid: false, diagnostics: [{ code: 'CQ2033' }] });
  });

  it('refuses an oversized file before parsing it', async () => {
    writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`);
    const library = await ScenarioLibrary.open(dir, { watch: false, log: quiet });
    expect(library.list()[0]).toMatchObject({ valid: false, diagnostics: [{ code: 'CQ1001' }] });
  });

  it('lists a FIFO, a folder and a symbolic link with the reason, and reads none of them', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'cq-outside-'));
    try {
      writeFileSync(join(outside, 'secret.yaml'), 'format: chaos-quest/1\nid: SECRET-CONTENT-4242\n');
      symlinkSync(join(outside, 'secret.yaml'), join(dir, 'linked.yaml'));
      execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
      mkdirSync(join(dir, 'folder.yaml'));
      writeFileSync(join(dir, 'dns-ttl-trap.yaml'), fixture);
      const library = await ScenarioLibrary.open(dir, { watch: false, log: quiet });
      const byFile = new Map(library.list().map((s) => [s.file, s]));
      expect(byFile.get('pipe.yaml')).toMatchObject({
        valid: false,
        diagnostics: [{ code: 'CQ1009', message: expect.stringMatching(/not a regular file \(a FIFO\)/) }],
      });
      expect(byFile.get('folder.yaml')?.diagnostics[0]?.message).toMatch(/not a regular file \(a folder\)/);
      expect(byFile.get('linked.yaml')?.diagnostics).toEqual([
        expect.objectContaining({ code: 'CQ1009', message: 'symbolic links are not followed: copy the file in.' }),
      ]);
      expect(JSON.stringify(library.list())).not.toContain('SECRET-CONTENT-4242');
      expect(library.get('dns-ttl-trap')).toBeDefined();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('keeps serving the first file with a scenario id, and refuses a later one by name', async () => {
    writeFileSync(join(dir, 'dns-ttl-trap.yaml'), fixture);
    const copy = fixture.replace('title: The TTL Trap', 'title: Impostor');
    writeFileSync(join(dir, 'zz-copy.yaml'), copy);
    const library = await ScenarioLibrary.open(dir, { watch: false, log: quiet });
    expect(library.get('dns-ttl-trap')?.file).toBe('dns-ttl-trap.yaml');
    expect(library.get('dns-ttl-trap')?.scenario.title).toBe('The TTL Trap');
    const refused = library.list().find((s) => s.file === 'zz-copy.yaml');
    expect(refused).toMatchObject({
      id: 'dns-ttl-trap',
      valid: false,
      diagnostics: [{ code: 'CQ1010', severity: 'error', path: 'id' }],
    });
    expect(refused?.diagnostics[0]?.message).toContain('already served by dns-ttl-trap.yaml');
  });

  it('keeps serving a scenario when a file added later, even first by name, takes its id', async () => {
    writeFileSync(join(dir, 'dns-ttl-trap.yaml'), fixture);
    const library = await ScenarioLibrary.open(dir, { watch: true, log: quiet });
    try {
      writeFileSync(join(dir, 'a-hijack.yaml'), fixture.replace('title: The TTL Trap', 'title: Hijacked'));
      await until(() => library.list().some((s) => s.file === 'a-hijack.yaml'));
      expect(library.get('dns-ttl-trap')?.file).toBe('dns-ttl-trap.yaml');
      expect(library.list().find((s) => s.file === 'a-hijack.yaml')?.diagnostics[0]).toMatchObject({
        code: 'CQ1010',
        message: expect.stringContaining('already served by dns-ttl-trap.yaml'),
      });
    } finally {
      library.close();
    }
    // A fresh start has no scenario in use: the first file by name serves, and the other is the duplicate.
    const restarted = await ScenarioLibrary.open(dir, { watch: false, log: quiet });
    expect(restarted.get('dns-ttl-trap')?.file).toBe('a-hijack.yaml');
    expect(restarted.list().find((s) => s.file === 'dns-ttl-trap.yaml')?.diagnostics[0]?.code).toBe('CQ1010');
  });

  it('lists only a short excerpt of what a hostile file makes the parser quote', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `key${i}-${'k'.repeat(400)}: 1`).join('\n');
    writeFileSync(join(dir, 'noisy.yaml'), `format: chaos-quest/1\nid: noisy\n${keys}\n`);
    const library = await ScenarioLibrary.open(dir, { watch: false, log: quiet });
    const [noisy] = library.list();
    expect(noisy?.diagnostics).toHaveLength(MAX_LISTED_DIAGNOSTICS + 1);
    expect(noisy?.diagnostics.at(-1)).toMatchObject({
      code: 'CQ1008',
      message: expect.stringMatching(/more problems are not listed here/),
    });
    expect(
      Math.max(...(noisy?.diagnostics ?? []).flatMap((d) => [d.message.length, d.path.length])),
    ).toBeLessThanOrEqual(MAX_DIAGNOSTIC_CHARS);
    expect(JSON.stringify(library.list()).length).toBeLessThan(20 * 1024);
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

  it('reads a file written and reloaded once, not again when the watcher sees the same write', async () => {
    writeFileSync(join(dir, 'dns-ttl-trap.yaml'), fixture);
    const loads: string[] = [];
    const log = { info: (_: object, message: string) => loads.push(message), warn: () => {} };
    const library = await ScenarioLibrary.open(dir, { watch: true, log });
    try {
      // What a studio save does: write, then reload at once.
      writeFileSync(join(dir, 'dns-ttl-trap.yaml'), fixture.replace('title: The TTL Trap', 'title: Saved'));
      await library.reload();
      expect(loads).toHaveLength(2);
      await new Promise((r) => setTimeout(r, 500));
      expect(loads).toHaveLength(2);
      // A write the library has not read is still followed.
      writeFileSync(join(dir, 'dns-ttl-trap.yaml'), fixture.replace('title: The TTL Trap', 'title: Edited'));
      await until(() => library.get('dns-ttl-trap')?.scenario.title === 'Edited');
      expect(loads).toHaveLength(3);
    } finally {
      library.close();
    }
  });
});
