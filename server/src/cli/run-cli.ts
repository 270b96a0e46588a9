import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** The repository root, where the CLI runs from in tests. */
export const repoRoot = new URL('../../../', import.meta.url).pathname;

/** Runs the real `chaos-quest` CLI in a child process from the repository root; never rejects. */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
