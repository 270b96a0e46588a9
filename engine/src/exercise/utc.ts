/**
 * Wall-clock ms as UTC text, without `Date` (the engine has no clock, and reports built from the
 * same log must read the same on any machine, in any time zone). Days to civil date after Howard
 * Hinnant's `civil_from_days`.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-30` for a wall-clock ms. Pure. */
export function utcDate(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `2026-11-30 14:05:09 UTC` for a wall-clock ms. Pure. */
export function utcDateTime(ms: number): string {
  const inDay = ((ms % 86_400_000) + 86_400_000) % 86_400_000;
  const seconds = Math.floor(inDay / 1000);
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return `${utcDate(ms)} ${time} UTC`;
}
