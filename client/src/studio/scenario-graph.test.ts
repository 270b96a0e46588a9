import { describe, expect, it } from 'vitest';
import { lineOfNode } from './scenario-graph.ts';

describe('lineOfNode', () => {
  const text = [
    'id: alert',
    'scenes:',
    '  - id: alert',
    '    choices:',
    '      - { id: rollback, goto: recovered }',
    'endings:',
    '  - { id: recovered, outcome: success }',
    '  - id: "lost"',
  ].join('\n');

  it('finds a scene or ending declared in block or flow style, not the top-level id', () => {
    expect(lineOfNode(text, 'alert')).toBe(3);
    expect(lineOfNode(text, 'recovered')).toBe(7);
    expect(lineOfNode(text, 'lost')).toBe(8);
    expect(lineOfNode(text, 'nowhere')).toBeNull();
  });
});
