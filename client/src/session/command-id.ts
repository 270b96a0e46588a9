/**
 * Command ids for idempotency: the server applies a command id once per session, so ids must never
 * repeat, even across a reload. Each source takes a random prefix from `crypto.getRandomValues`
 * (available on plain-http LAN addresses too, unlike `crypto.randomUUID`) and counts up after it.
 */
export function commandIdSource(
  fillRandom: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b),
): () => string {
  const bytes = fillRandom(new Uint8Array(9));
  const prefix = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  let counter = 0;
  return () => {
    counter += 1;
    return `${prefix}-${counter.toString(36)}`;
  };
}
