import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from './did-you-mean.ts';

describe('did you mean', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('failvoer', 'failover')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the nearest candidate within typo range', () => {
    expect(closest('failvoer', ['triage', 'failover', 'dashboards'])).toBe('failover');
    expect(closest('dependson', ['depends_on', 'health'])).toBe('depends_on');
    expect(didYouMean('gotoo', ['goto', 'takes'])).toBe(" Did you mean 'goto'?");
  });

  it('prefers a candidate that differs only in case', () => {
    expect(closest('Goto', ['got', 'goto'])).toBe('goto');
  });

  it('suggests nothing when every candidate is a different word', () => {
    expect(closest('narration', ['id', 'to', 'at'])).toBeNull();
    expect(closest('to', ['at'])).toBeNull();
    expect(didYouMean('zzz', ['format', 'id'])).toBe('');
  });

  it('never suggests the word itself', () => {
    expect(closest('goto', ['goto'])).toBeNull();
  });
});
