import { adminKey } from '../api/admin-key.ts';
import { HttpError } from '../api/http.ts';

import type { ImportSummary } from '@chaos-quest/engine';

export type { ImportSummary };

/**
 * Sends a CSV of real incidents to `POST /api/real-incidents` as text/csv, with the admin key when one
 * is stored. Throws an HttpError with the server's message when it refuses the file.
 */
export async function uploadIncidents(text: string, format: string): Promise<ImportSummary> {
  const headers: Record<string, string> = { 'content-type': 'text/csv' };
  const key = adminKey();
  if (key) headers['x-admin-key'] = key;
  let response: Response;
  try {
    response = await fetch(`/api/real-incidents${format ? `?format=${encodeURIComponent(format)}` : ''}`, {
      method: 'POST',
      headers,
      body: text,
    });
  } catch {
    throw new HttpError(0, 'network', 'Cannot reach the server. Check the connection and try again.');
  }
  if (response.ok) return (await response.json()) as ImportSummary;
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (response.status === 413)
    throw new HttpError(
      413,
      'too-large',
      'The file is larger than the server takes (4 MiB): split it and import each part.',
    );
  throw new HttpError(
    response.status,
    body?.error?.code ?? 'http',
    body?.error?.message ?? `The server answered ${response.status}.`,
  );
}
