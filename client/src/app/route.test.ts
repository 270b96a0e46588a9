import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from './route.ts';

describe('routes', () => {
  it.each<Route>([
    { name: 'home', joinCode: null },
    { name: 'home', joinCode: 'K7QF' },
    { name: 'facilitate', sessionId: 's_12-ab' },
    { name: 'play', sessionId: 'abc' },
    { name: 'screen', joinCode: 'K7QF' },
    { name: 'metrics' },
    { name: 'evaluate', code: 'Zx9_-a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ01' },
    { name: 'evaluator', sessionId: 's_12-ab' },
    { name: 'report', sessionId: 's_12-ab' },
    { name: 'debrief', token: 'Zk3_9-abcDEF' },
    { name: 'studio', file: null },
    { name: 'studio', file: 'dns-ttl-trap.yaml' },
    { name: 'studio', file: 'dns-ttl-trap.tests.yaml' },
  ])('round-trips %j', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('reads an empty hash and stray slashes as home', () => {
    expect(parseRoute('')).toEqual({ name: 'home', joinCode: null });
    expect(parseRoute('#//')).toEqual({ name: 'home', joinCode: null });
  });

  it('refuses ids with characters that could not be ours', () => {
    expect(parseRoute('#/play/%3Cimg%3E').name).toBe('not-found');
    expect(parseRoute('#/play/%E0%A4%A').name).toBe('not-found');
    expect(parseRoute('#/play/a/b').name).toBe('not-found');
    expect(parseRoute('#/play').name).toBe('not-found');
    expect(parseRoute('#/metrics/x').name).toBe('not-found');
  });

  it('names a studio file only by a plain name in the scenarios folder', () => {
    expect(parseRoute('#/studio/..%2Fsecrets.yaml').name).toBe('not-found');
    expect(parseRoute('#/studio/a..yaml').name).toBe('not-found');
    expect(parseRoute('#/studio/.hidden.yaml').name).toBe('not-found');
    expect(parseRoute('#/studio/a/b.yaml').name).toBe('not-found');
  });
});
