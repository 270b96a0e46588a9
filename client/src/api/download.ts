import { request } from './http.ts';

/**
 * Fetches a file with the seat's token and hands it to the browser as a download (the token goes
 * in a header, so a plain link cannot carry it). Throws HttpError when the server refuses.
 */
export async function downloadWithToken(path: string, token: string | undefined, fileName: string): Promise<void> {
  const response = await request(path, token === undefined ? {} : { token });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start reading the blob only after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
