import { describe, expect, it } from 'vitest';
import { displayName } from './display-name.ts';

const RESERVED = 'That name is used by the game itself; pick another';
const EMPTY = 'Type a name with at least one visible letter, digit or sign';

describe('displayName', () => {
  it.each([
    ['Ana', 'Ana'],
    ['  Ana   María  ', 'Ana María'],
    ['Ana\tBo\r\nCy', 'Ana Bo Cy'],
    ['Jos\u0065\u0301', 'José'],
    ['\u202Eevil\u202C', 'evil'],
    // The override drew it as "Facilitator"; without it, it reads as typed, which is no reserved name.
    ['\u202ErotatilicaF', 'rotatilicaF'],
    ['ad\u2066min\u2069 \u200Fone\u200E \u061Ctwo', 'admin one two'],
    ['zero\u200Bwidth\u200C\u200D\u2060\uFEFFsoft\u00ADhyphen', 'zerowidthsofthyphen'],
    ['bell\u0007 nul\u0000 del\u007F c1\u0085\u009B', 'bell nul del c1'],
    ['\u3164Ana\u3164', 'Ana'],
    ['Ana\u00A0\u2003\u3000Bo', 'Ana Bo'],
    ['Facilitator Fan', 'Facilitator Fan'],
    ['Systems', 'Systems'],
    ['The Scenario Writer', 'The Scenario Writer'],
    ['😀', '😀'],
    ['李小龍', '李小龍'],
    ['-', '-'],
    ['x'.repeat(40), 'x'.repeat(40)],
    [`${'y'.repeat(40)}\u200B\u200B`, 'y'.repeat(40)],
  ])('accepts %j as %j', (typed, name) => {
    expect(displayName(typed)).toEqual({ ok: true, name });
  });

  it.each([
    ['Facilitator', RESERVED],
    [' system ', RESERVED],
    ['SCENARIO', RESERVED],
    ['facilitator', RESERVED],
    ['F a c i l i t a t o r.', RESERVED],
    ['Sys-tem!', RESERVED],
    ['\uFF26\uFF41\uFF43\uFF49\uFF4C\uFF49\uFF54\uFF41\uFF54\uFF4F\uFF52', RESERVED],
    ['𝐒𝐲𝐬𝐭𝐞𝐦', RESERVED],
    ['\u0405\u0443\u0455t\u0435m', RESERVED],
    ['Fac\u200Bilitator', RESERVED],
    ['', EMPTY],
    ['   ', EMPTY],
    ['\u200B\u200C\u200D\u2060\uFEFF', EMPTY],
    ['\u202E\u202C\u00AD', EMPTY],
    ['\u3164\u3164', EMPTY],
    ['\u0301\u0302', EMPTY],
    ['x'.repeat(41), 'A name may be at most 40 characters long; this one has 41'],
  ])('refuses %j', (typed, message) => {
    expect(displayName(typed)).toEqual({ ok: false, message });
  });

  it('takes another limit for team labels', () => {
    expect(displayName('t'.repeat(100), 100)).toEqual({ ok: true, name: 't'.repeat(100) });
    expect(displayName('t'.repeat(101), 100)).toEqual({
      ok: false,
      message: 'A name may be at most 100 characters long; this one has 101',
    });
  });
});
