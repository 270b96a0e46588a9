import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run.ts';
import { repoRoot, runCli } from './run-cli.ts';

const cli = runCli;
const fixtures = 'engine/src/scenario/fixtures';

const temp = mkdtempSync(join(tmpdir(), 'cq-validate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('chaos-quest validate', () => {
  it('exits 0 and says so for a valid scenario', async () => {
    const { code, stdout } = await cli('validate', 'scenarios/leaked-credentials.yaml');
    expect(code).toBe(0);
    expect(stdout).toBe('Checked 1 file: no problems.\n');
  });

  it('prints each problem as file:line:col with the source line and a caret, and exits 1', async () => {
    const file = `${fixtures}/CQ2002-unknown-goto.yaml`;
    const { code, stdout } = await cli('validate', file);
    expect(code).toBe(1);
    expect(stdout).toBe(
      `${file}:48:58: error CQ2002 scenes[3].choices[1].goto: there is no scene 'failvoer'. Did you mean 'failover'?\n` +
        '  48 |       - { id: promote, label: Promote the replica, goto: failvoer }\n' +
        `     | ${' '.repeat(57)}^\n` +
        'Checked 1 file: 1 error, 0 warnings (1 file with errors).\n',
    );
  });

  it('explores the story: the DESIGN example lets a choice jump over its page', async () => {
    const { code, stdout } = await cli('validate', `${fixtures}/valid/dns-ttl-trap.yaml`);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "warning CQ2031 scenes[0].injects[0].at: the inject 'page' (minute 10) is skipped when the party takes 'look' at minute 5",
    );
  });

  it("reports a baseline CSV's bad row in the CSV, at its line and column, with the line shown", async () => {
    const file = `${fixtures}/CQ1012-csv-bad-rows.yaml`;
    const { code, stdout } = await cli('validate', file);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `${fixtures}/bad-rows.csv:5:22: error CQ1012 'abc' is not a number; write the value as 12.5, say.\n` +
        '  5 | 2024-05-01 00:00:03, abc\n' +
        `    | ${' '.repeat(21)}^\n`,
    );
    expect(stdout).toContain(`${fixtures}/no-header.csv:1:1: error CQ1012`);
  });

  it('reports a baseline CSV that is not beside the scenario where the scenario names it', async () => {
    const dir = mkdtempSync(join(temp, 'csv-'));
    const text = readFileSync(new URL(`../../../${fixtures}/CQ1013-csv-too-short.yaml`, import.meta.url), 'utf8');
    writeFileSync(join(dir, 'scenario.yaml'), text);
    const missing = await cli('validate', join(dir, 'scenario.yaml'));
    expect(missing.stdout).toMatch(/scenario\.yaml:30:\d+: error CQ2033 .*there is no readable file 'short\.csv'/);
    writeFileSync(join(dir, 'short.csv'), `timestamp,value\n${'2024-05-01T00:00:00,1\n'.repeat(60)}`);
    expect(await cli('validate', join(dir, 'scenario.yaml'))).toMatchObject({ code: 0 });
  });

  it('exits 0 when a file has only warnings', async () => {
    const { code, stdout } = await cli('validate', `${fixtures}/CQ2011-no-detected.yaml`);
    expect(code).toBe(0);
    expect(stdout).toContain('warning CQ2011');
    expect(stdout.trimEnd().split('\n').pop()).toBe('Checked 1 file: 0 errors, 1 warning.');
  });

  it('expands a directory to its YAML files and reports them all as one JSON object', async () => {
    const yaml = readdirSync(new URL(`../../../${fixtures}/`, import.meta.url))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    const { code, stdout } = await cli('validate', fixtures, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      files: { file: string; valid: boolean; diagnostics: { code: string; severity: string }[] }[];
      errors: number;
      warnings: number;
    };
    expect(report.files.map((f) => f.file)).toEqual(yaml.map((f) => join(fixtures, f)));
    expect(report.files.find((f) => f.file.endsWith('CQ2015-dependency-cycle.yaml'))).toMatchObject({
      valid: true,
      diagnostics: [{ code: 'CQ2015' }],
    });
    expect(report.errors).toBe(report.files.flatMap((f) => f.diagnostics).filter((d) => d.severity === 'error').length);
    expect(report.warnings).toBeGreaterThan(0);
  });

  it('refuses a file over 1 MB from its size, before reading it', async () => {
    const big = join(temp, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    const { code, stdout } = await cli('validate', big);
    expect(code).toBe(1);
    expect(stdout).toBe(
      `${big}:1:1: error CQ1001 the file is 3.0 MB; a scenario file may be at most 1 MB. Move pasted logs or data out of the scenario.\nChecked 1 file: 1 error, 0 warnings (1 file with errors).\n`,
    );
  });

  it('exits 2 with usage for a missing file or a bad option', async () => {
    const missing = await cli('validate', 'no/such/file.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or directory: no/such/file.yaml');
    expect(missing.stderr).toContain('Usage: chaos-quest validate');
    const bad = await cli('validate', '--jsn', `${fixtures}/valid/dns-ttl-trap.yaml`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--jsn'");
  });
});

describe('chaos-quest', () => {
  it("prints its usage for --help and a command's usage for <command> --help, and exits 0", async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Usage: chaos-quest <command>');
    for (const name of ['validate', 'simulate', 'serve']) {
      const help = await cli(name, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: chaos-quest ${name}`);
    }
  });

  it('exits 2 with usage for an unknown command or none', async () => {
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: chaos-quest <command>');
  });

  it("resolves relative paths from the io's directory, not the process's", async () => {
    let stdout = '';
    const code = await run(['validate', 'leaked-credentials.yaml'], {
      out: (t) => void (stdout += t),
      err: () => {},
      cwd: join(repoRoot, 'scenarios'),
    });
    expect(code).toBe(0);
    expect(stdout).toBe('Checked 1 file: no problems.\n');
  });

  it('exits 1 and names the error when a file cannot be read', async () => {
    const { code, stdout, stderr } = await cli('simulate', fixtures);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^chaos-quest simulate: EISDIR: /);
  });

  it('refuses a bad --port for serve before starting anything', async () => {
    const { code, stderr } = await cli('serve', '--port', '70000');
    expect(code).toBe(2);
    expect(stderr).toContain("--port must be a port number, not '70000'.");
    expect(stderr).toContain('Usage: chaos-quest serve');
  });
});
