import { createHash } from 'node:crypto';

/** SHA-256 of a text's UTF-8 bytes as hex: the same digest as the engine's `sha256`, computed natively. Pure. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
