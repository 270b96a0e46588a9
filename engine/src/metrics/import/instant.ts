const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads a timestamp as wall-clock ms: an ISO 8601 date-time ("2025-03-01T09:42:00Z", "2025-03-01
 * 09:42:00+01:00", "2025-03-01 09:42"; without an offset it is read as UTC, on any machine), a date
 * alone (midnight UTC), or epoch milliseconds or seconds. Returns null when it cannot. Pure.
 */
export function parseInstant(text: string): number | null {
  const t = text.trim();
  if (/^\d{12,14}$/.test(t)) return Number(t);
  if (/^\d{9,11}$/.test(t)) return Number(t) * 1000;
  const m = ISO.exec(t);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone = 'Z'] = m;
  const [month, day, hour, minute, second] = [Number(mo), Number(d), Number(h), Number(mi), Number(s)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(Number(y), month - 1, day, hour, minute, second, Math.round(Number(`0.${frac}`) * 1000));
  const daysInMonth = (Date.UTC(Number(y), month, 1) - Date.UTC(Number(y), month - 1, 1)) / 86_400_000;
  if (day > daysInMonth) return null;
  return utc - offsetMinutes(zone) * 60_000;
}

function offsetMinutes(zone: string): number {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

/** A duration column (seconds or milliseconds) as ms, or null when it is not a non-negative number. Pure. */
export function parseDuration(text: string, unit: 's' | 'ms'): number | null {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Math.round(Number(t) * (unit === 's' ? 1000 : 1));
}
