import { DISPLAY_NAME_MAX } from '../protocol/display-name.ts';
import type { Player } from './state.ts';

/**
 * Two people at one table may type the same name, and one person may join again from another
 * device under theirs. Both are told apart by a number: the second Alice sits as "Alice (2)". Pure.
 */

const NUMBERED = /^(.*) \((\d{1,3})\)$/;
const key = (name: string) => name.toLocaleLowerCase('en');

/** The name without the number a namesake got ("Alice (2)" → "Alice"). Pure. */
export function baseName(name: string): string {
  return NUMBERED.exec(name)?.[1] ?? name;
}

/**
 * `name`, or `name (n)` with the smallest n from 2 that no seated player holds, shortened so that it
 * still fits DISPLAY_NAME_MAX. Removed players free their names. Pure.
 */
export function distinctName(players: Readonly<Record<string, Player>>, name: string): string {
  const taken = new Set(
    Object.values(players)
      .filter((p) => !p.removed)
      .map((p) => key(p.name)),
  );
  if (!taken.has(key(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const numbered = `${name.slice(0, DISPLAY_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(key(numbered))) return numbered;
  }
}

/** Whether two names belong to namesakes: the same name once their numbers are set aside (any case). Pure. */
export function namesakes(a: string, b: string): boolean {
  return key(baseName(a)) === key(baseName(b));
}
