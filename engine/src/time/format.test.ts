import { describe, expect, it } from 'vitest';
import { formatGameMinutes, gameDay, gameTime, gameTimeFormat, spansDays, utcDate, utcTime } from './format.ts';

describe('game clock times', () => {
  it('numbers days from the clock start, the day before being day 0', () => {
    expect(gameDay('23:00', 0)).toBe(1);
    expect(gameDay('23:00', 59)).toBe(1);
    expect(gameDay('23:00', 60)).toBe(2);
    expect(gameDay('00:06', -7)).toBe(0);
    expect(gameDay('09:42', 7060)).toBe(6);
  });

  it('shows the day only when the exercise runs past midnight', () => {
    expect(spansDays('09:42', [-38, 0, 120])).toBe(false);
    expect(spansDays('23:00', [0, 90])).toBe(true);
    expect(gameTimeFormat('09:42', [0, 120])(10)).toBe('09:52');
    const late = gameTimeFormat('23:00', [0, 520]);
    expect(late(0)).toBe('Day 1 23:00');
    expect(late(520)).toBe('Day 2 07:40');
    expect(gameTime('09:42', 7060, true)).toBe('Day 6 07:22');
    expect(gameTime('02:00', -7060, true)).toBe('Day −4 04:20');
  });

  it('never writes a long duration as a raw count of minutes', () => {
    expect(formatGameMinutes(7060)).toBe('4 d 21 h 40 min');
    expect(formatGameMinutes(1440)).toBe('1 d 0 h 00 min');
    expect(formatGameMinutes(61)).toBe('1 h 01 min');
  });
});

describe('UTC wall times without Date objects', () => {
  it('agrees with the platform calendar across years, leap days and epochs', () => {
    const instants = [0, 951_782_400_000, 1_709_164_799_000, 1_735_689_599_999, 4_102_444_800_000, -86_400_000];
    for (const ms of instants) {
      const iso = new Date(ms).toISOString();
      expect(utcTime(ms)).toBe(iso.slice(11, 19));
      expect(utcDate(ms)).toBe(`${iso.slice(0, 16).replace('T', ' ')} UTC`);
    }
  });
});
