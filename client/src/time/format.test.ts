import { describe, expect, it } from 'vitest';
import { formatGameMinutes, formatWallDuration, gameClockAt } from './format.ts';

describe('time formats', () => {
  it('writes game durations in minutes and hours', () => {
    expect(formatGameMinutes(0)).toBe('0 min');
    expect(formatGameMinutes(45)).toBe('45 min');
    expect(formatGameMinutes(125)).toBe('2 h 05 min');
    expect(formatGameMinutes(-5)).toBe('−5 min');
    expect(formatGameMinutes(7060)).toBe('4 d 21 h 40 min');
  });

  it('writes wall durations at a useful precision', () => {
    expect(formatWallDuration(42_400)).toBe('42 s');
    expect(formatWallDuration(200_000)).toBe('3 min 20 s');
    expect(formatWallDuration(970_000)).toBe('16 min');
    expect(formatWallDuration(3_720_000)).toBe('1 h 02 min');
    expect(formatWallDuration(-10)).toBe('0 s');
  });

  it('recovers the clock label at any minute from the current one', () => {
    const clock = { minutes: 20, label: '02:20' };
    expect(gameClockAt(clock, 5)).toBe('02:05');
    expect(gameClockAt(clock, -130)).toBe('Day 0 23:50');
    expect(gameClockAt({ minutes: 0, label: '23:30' }, 45)).toBe('Day 2 00:15');
    expect(gameClockAt({ minutes: 60, label: '00:30' }, 10)).toBe('Day 1 23:40');
  });

  it('labels every minute with its day once the session has passed midnight, so times sort as they read', () => {
    const clock = { minutes: 1500, label: 'Day 2 23:00', start: '22:00', days: true };
    expect(gameClockAt(clock, 30)).toBe('Day 1 22:30');
    expect(gameClockAt(clock, 130)).toBe('Day 2 00:10');
    expect(gameClockAt(clock, 2900)).toBe('Day 3 22:20');
  });

  it('names the day of a time on another day than now, before play passes midnight', () => {
    const clock = { minutes: 60, label: '09:00', start: '08:00', days: false };
    expect(gameClockAt(clock, 120)).toBe('10:00');
    expect(gameClockAt(clock, 4320)).toBe('Day 4 08:00');
    expect(gameClockAt(clock, -600)).toBe('Day 0 22:00');
  });
});
