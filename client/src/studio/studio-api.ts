import { adminKey } from '../api/admin-key.ts';
import { HttpError, requestJson } from '../api/http.ts';

export type { SavedFile, StudioFile, StudioFileKind, StudioFileText } from '@chaos-quest/engine';
import type { SavedFile, StudioFile, StudioFileText } from '@chaos-quest/engine';

export interface SimulationReport {
  scenario: string;
  seed: string;
  runs: number;
  policy: string;
  endings: { id: string; outcome: string | null; runs: number; share: number; neverReached: boolean }[];
  outcomes: Record<string, number>;
  scenes: { id: string; runs: number; visits: number; untested: boolean }[];
  untested: string[];
  stuck: number;
}

export interface TestsReport {
  tests: { file: string; name: string; passed: boolean; line: number; where: string | null; message: string | null }[];
  passed: number;
  failed: number;
  diagnostics: { file: string; line: number; col: number; code: string; message: string }[];
}

const path = (name: string) => `/api/studio/files/${encodeURIComponent(name)}`;

export const listFiles = () => requestJson<{ files: StudioFile[] }>('/api/studio/files', { admin: true });
export const readFile = (name: string) => requestJson<StudioFileText>(path(name), { admin: true });
export const createFile = (name: string, text: string) =>
  requestJson<SavedFile>('/api/studio/files', { body: { name, text }, admin: true });
export const simulate = (name: string, runs: number) =>
  requestJson<SimulationReport>(`${path(name)}/simulate`, { body: { runs }, admin: true });
export const runTests = (name: string) => requestJson<TestsReport>(`${path(name)}/tests`, { body: {}, admin: true });

/**
 * Saves the whole text (PUT, text/plain: a scenario's 1 MB would not fit the API's JSON limit), only
 * if the file on disk still has the hash `base` it was read or last saved with: else a 412 `changed`.
 */
export async function saveFile(name: string, text: string, base: string): Promise<SavedFile> {
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8', 'if-match': `"${base}"` };
  const key = adminKey();
  if (key) headers['x-admin-key'] = key;
  let response: Response;
  try {
    response = await fetch(path(name), { method: 'PUT', headers, body: text });
  } catch {
    throw new HttpError(0, 'network', 'Cannot reach the server. Check the connection and try again.');
  }
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!response.ok) {
    const error = body?.error;
    throw new HttpError(
      response.status,
      error?.code ?? 'http',
      error?.message ?? `The server answered ${response.status}.`,
    );
  }
  return body as unknown as SavedFile;
}
