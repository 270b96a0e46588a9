import { fileURLToPath } from 'node:url';
import { run } from './run.ts';

/** The repository root, where the CLI runs from in tests. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Runs `chaos-quest <args>` in this process, from the repository root, and collects what it wrote.
 * Resolves to the exit code `main.ts` would set; rejects only when the CLI has a bug.
 */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    cwd: repoRoot,
  });
  return { code, stdout, stderr };
}
