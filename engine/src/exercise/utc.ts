import { utcParts } from '../time/format.ts';

/**
 * Wall-clock ms as UTC text, without `Date` (the engine has no clock, and reports built from the
 * same log must read the same on any machine, in any time zone).
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-30` for a wall-clock ms. Pure. */
export function utcDate(ms: number): string {
  const t = utcParts(ms);
  return `${pad(t.y, 4)}-${pad(t.mo)}-${pad(t.d)}`;
}

/** `2026-11-30 14:05:09 UTC` for a wall-clock ms. Pure. */
export function utcDateTime(ms: number): string {
  const t = utcParts(ms);
  return `${utcDate(ms)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)} UTC`;
}
