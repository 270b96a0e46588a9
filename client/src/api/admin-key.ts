import { browserStorage } from './seats.ts';

/**
 * The server's admin key (CQ_ADMIN_KEY), when it has one: creating sessions and reading metrics
 * need it. Kept in this browser once typed, so a facilitator enters it once per machine.
 */
const KEY = 'cq.admin-key';

/** The stored admin key, or null. Never throws. */
export function adminKey(): string | null {
  try {
    return browserStorage()?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

/** Stores (or, with an empty string, forgets) the admin key. Never throws. */
export function setAdminKey(value: string): void {
  try {
    const storage = browserStorage();
    if (value.trim()) storage?.setItem(KEY, value.trim());
    else storage?.removeItem(KEY);
  } catch {
    // Storage refused: the key then lasts only for this request.
  }
}
