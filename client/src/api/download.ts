import { request, type RequestOptions } from './http.ts';

/**
 * Fetches a file with the seat's token or the admin key and hands it to the browser as a download
 * (secrets go in headers, so a plain link cannot carry them). Throws HttpError when the server refuses.
 */
export async function downloadFile(
  path: string,
  options: Pick<RequestOptions, 'token' | 'admin'>,
  fileName: string,
): Promise<void> {
  const response = await request(path, options);
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
