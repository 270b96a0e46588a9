import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './run-cli.ts';

const bin = 'server/bin/chaos-quest.mjs';

/** Runs the real `chaos-quest` binary in a child process; never rejects. */
function spawnCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: repoRoot }, (error, stdout, stderr) =>
      done({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

// The only test that starts a process: every other CLI test calls `run` in-process. This one proves the
// binary registers tsx, hands argv and the working directory to `run`, and exits with its code.
describe('the chaos-quest binary', () => {
  it('writes to stdout and stderr and exits 0, 1 or 2 as run decides', async () => {
    const [ok, broken, unknown] = await Promise.all([
      spawnCli('validate', 'scenarios/leaked-credentials.yaml'),
      spawnCli('validate', 'engine/src/scenario/fixtures/CQ2002-unknown-goto.yaml'),
      spawnCli('frobnicate'),
    ]);
    expect(ok).toEqual({ code: 0, stdout: 'Checked 1 file: no problems.\n', stderr: '' });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain("error CQ2002 scenes[3].choices[1].goto: there is no scene 'failvoer'.");
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain("chaos-quest: unknown command 'frobnicate'.");
  });
});
