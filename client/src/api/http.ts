import type { ApiError } from '@chaos-quest/engine';
import { adminKey } from './admin-key.ts';

/** A failed HTTP call, with a message fit to show beside the control that made it. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** A seat token, sent as a bearer header (never in the URL). */
  token?: string;
  /** Send the stored admin key, for the endpoints a server with CQ_ADMIN_KEY guards. */
  admin?: boolean;
}

async function errorOf(response: Response): Promise<HttpError> {
  try {
    const body = (await response.json()) as Partial<ApiError>;
    if (body.error && typeof body.error.message === 'string') {
      return new HttpError(response.status, String(body.error.code), body.error.message);
    }
  } catch {
    // Not our JSON error shape: fall through to a message from the status.
  }
  return new HttpError(
    response.status,
    'http',
    `The server answered ${response.status} ${response.statusText}`.trim() + '.',
  );
}

/**
 * Calls the API and returns the response. Throws an HttpError with a readable message when the
 * server cannot be reached or answers with an error status.
 */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  const key = options.admin ? adminKey() : null;
  if (key) headers['x-admin-key'] = key;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new HttpError(0, 'network', 'Cannot reach the server. Check the connection and try again.');
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** `request` and parse the JSON body; throws HttpError as `request` does. */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  return (await response.json()) as T;
}

/** The message to show for anything a call threw. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Try again.';
}
