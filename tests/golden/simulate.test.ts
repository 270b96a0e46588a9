import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/src/cli/run-cli.ts';

/**
 * `simulate` reports for fixed seeds, byte for byte, as recorded in simulate/*.json: making
 * simulation faster must not change a single run. Each case plays a shipped scenario with another
 * policy and seating. Run with UPDATE_GOLDEN=1 to rewrite them after an intended change of play.
 */
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const CASES = [
  { name: 'db-failover-lag-random', args: ['scenarios/db-failover-lag.yaml', '--runs', '300'] },
  {
    name: 'threat-hunt-cautious',
    args: ['scenarios/threat-hunt.yaml', '--runs', '120', '--policy', 'cautious', '--seats', 'lead,analyst'],
  },
  {
    name: 'ransomware-regulator-reckless',
    args: ['scenarios/ransomware-regulator.yaml', '--runs', '120', '--policy', 'reckless'],
  },
  {
    name: 'dns-ttl-trap-alone',
    args: ['scenarios/dns-ttl-trap.yaml', '--runs', '150', '--seats', '', '--seed', 'golden'],
  },
] as const;

describe('simulate reports for a fixed seed', () => {
  it.each(CASES)('$name is unchanged', async ({ name, args }) => {
    const file = new URL(`simulate/${name}.json`, import.meta.url);
    const { code, stdout } = await runCli('simulate', ...args, '--json');
    expect(code).toBe(0);
    if (UPDATE) writeFileSync(file, stdout);
    expect(stdout).toBe(readFileSync(file, 'utf8'));
  });
});
