import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from './run-cli.ts';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite-store.ts';
import { IMPORT_USAGE, importIncidents } from './import-incidents.ts';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/incidents/', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cq-import-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCommand(importIncidents, args, FIXTURES);
  return { code, out: stdout, err: stderr };
}

async function stored(dataDir: string) {
  const store = new SqliteStore(path.join(dataDir, 'chaos-quest.sqlite'));
  try {
    return await store.listRealIncidents();
  } finally {
    await store.close();
  }
}

describe('chaos-quest import incidents', () => {
  it('stores the good rows of each documented shape, reports each bad row by line, and adds nothing the second time', async () => {
    const data = path.join(dir, 'shapes');
    const generic = await run(['incidents', 'generic.csv', '--data-dir', data]);
    expect(generic.code).toBe(1);
    expect(generic.out).toBe('generic.csv: Generic CSV, 9 rows: 4 good (4 new, 0 already imported), 5 skipped.\n');
    expect(generic.err.trim().split('\n')).toEqual([
      'generic.csv:5: no service: every incident needs the service it hit; row skipped',
      "generic.csv:6: started 'yesterday-ish' is not a date and time: use ISO 8601 such as 2025-03-01T09:42:00Z; row skipped",
      'generic.csv:7: resolved is before started: check the two times; row skipped',
      "generic.csv:8: detected_by 'a little bird' is not one of monitoring, customer, team; row skipped",
      'generic.csv:9: the same incident as line 3 (key generic:checkout|1744466400000|Card declines spike); row skipped',
    ]);
    expect((await run(['incidents', 'generic.csv', '--data-dir', data])).out).toContain('(0 new, 4 already imported)');

    const pagerduty = await run(['incidents', 'pagerduty.csv', '--data-dir', data]);
    expect(pagerduty.out).toContain('PagerDuty incident export, 4 rows: 2 good (2 new');
    expect(pagerduty.err).toContain("pagerduty.csv:4: detected 'not a date'");
    expect(pagerduty.err).toContain('pagerduty.csv:5: no title');
    const opsgenie = await run(['incidents', 'opsgenie.csv', '--data-dir', data]);
    expect(opsgenie.out).toContain('Opsgenie alert or incident export, 5 rows: 3 good (3 new');
    expect(opsgenie.err).toContain('opsgenie.csv:5: no service');
    expect(opsgenie.err).toContain("opsgenie.csv:6: acknowledged after the alert 'abc' is not a number");

    const all = await stored(data);
    expect(all).toHaveLength(9);
    const dns = all.find((r) => r.key === 'opsgenie:215');
    expect(dns).toMatchObject({
      service: 'dns',
      team: 'platform',
      severity: 'P2',
      at: { detected: 1747699800000, acknowledged: 1747700220000 },
    });
    const checkout = all.find((r) => r.key === 'pagerduty:1042');
    expect(checkout?.at).toEqual({
      detected: Date.UTC(2025, 2, 1, 9, 42),
      acknowledged: Date.UTC(2025, 2, 1, 9, 45),
      resolved: Date.UTC(2025, 2, 1, 11, 2),
    });
  });

  it('checks without storing on --dry-run, and exits 2 with the usage for bad arguments', async () => {
    const data = path.join(dir, 'dry');
    expect((await run(['incidents', 'pagerduty.csv', '--data-dir', data, '--dry-run'])).out).toContain(
      'nothing stored (dry run)',
    );
    expect(fs.existsSync(data)).toBe(false);
    for (const args of [['people', 'x.csv'], ['incidents'], ['incidents', 'a.csv', '--format', 'jira']]) {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.err).toContain(IMPORT_USAGE);
    }
    expect(await run(['incidents', 'missing.csv', '--data-dir', data])).toMatchObject({
      code: 1,
      err: expect.stringContaining('ENOENT'),
    });
  });
});
