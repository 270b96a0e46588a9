import { describe, expect, it } from 'vitest';
import { labelLanes } from './label-lanes.ts';

describe('labelLanes', () => {
  it('keeps far-apart labels in the first lane', () => {
    expect(
      labelLanes(
        [
          { x: 50, width: 40 },
          { x: 200, width: 40 },
        ],
        300,
      ).map((l) => l.lane),
    ).toEqual([0, 0]);
  });

  it('stacks labels that would overlap, reusing a lane once it is clear', () => {
    const lanes = labelLanes(
      [
        { x: 100, width: 80 },
        { x: 120, width: 80 },
        { x: 140, width: 80 },
        { x: 300, width: 80 },
      ],
      400,
    );
    expect(lanes.map((l) => l.lane)).toEqual([0, 1, 2, 0]);
  });

  it('clamps labels at both ends so none is cut off', () => {
    const [first, last] = labelLanes(
      [
        { x: 0, width: 60 },
        { x: 400, width: 60 },
      ],
      400,
    );
    expect(first?.left).toBe(0);
    expect(last?.left).toBe(340);
  });
});
