/** POSTs JSON to a loopback server and returns the parsed body. Rejects with the status and body on anything but 2xx. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as T;
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${JSON.stringify(parsed)}`);
  return parsed;
}
