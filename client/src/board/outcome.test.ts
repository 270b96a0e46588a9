import { describe, expect, it } from 'vitest';
import type { RollRecord, TimelineEntry } from '@chaos-quest/engine';
import { closingNarration, criticalOf, currentRoll, narrationAt, sceneLeadIn } from './outcome.ts';

const entry = (seq: number, kind: TimelineEntry['kind'], text: string): TimelineEntry => ({
  seq,
  kind,
  text,
  at: { game: seq, wall: seq },
  by: 'Facilitator',
  audience: 'all',
});

/** A failed roll at seq 7 moves the party from Triage into Dashboards. */
const timeline = [
  entry(3, 'scene', 'Triage'),
  entry(7, 'choice', 'Roll back the DNS change'),
  entry(7, 'roll', 'd20 6 = 6 vs 12: failure'),
  entry(7, 'narration', 'The rollback times out.'),
  entry(7, 'scene', 'Dashboards'),
  entry(9, 'clock', '+5 min'),
];

describe('outcome narration', () => {
  it('finds the narration told with a roll', () => {
    expect(narrationAt(timeline, 7)).toBe('The rollback times out.');
    expect(narrationAt(timeline, 3)).toBeNull();
  });

  it('tells a card drawn with the roll after its narration', () => {
    const drawn = [
      ...timeline.slice(0, 4),
      entry(7, 'card', 'Card drawn from complications: Logs cleared.'),
      timeline[4]!,
    ];
    expect(narrationAt(drawn, 7)).toBe('The rollback times out. Card drawn from complications: Logs cleared.');
    expect(sceneLeadIn(drawn)).toBe('The rollback times out. Card drawn from complications: Logs cleared.');
  });

  it('leads the current scene with the narration of the move that entered it', () => {
    expect(sceneLeadIn(timeline)).toBe('The rollback times out.');
    expect(sceneLeadIn([...timeline, entry(12, 'scene', 'Jumped')])).toBeNull();
  });
});

describe('the roll beside the scene', () => {
  const roll = (seq: number): RollRecord => ({
    seq,
    label: 'Roll back the DNS change',
    choice: null,
    dice: 'd20',
    natural: 6,
    modifiers: [],
    total: 6,
    target: 12,
    success: false,
    physical: false,
    at: { game: seq, wall: seq },
  });
  it('shows the roll that entered the scene without telling its outcome twice', () => {
    expect(currentRoll({ rolls: [roll(7)], timeline })).toEqual({ roll: roll(7), narration: null });
  });

  it('tells the outcome of a roll made within the scene', () => {
    const within = [...timeline, entry(11, 'roll', 'd20 15 = 15 vs 10: success'), entry(11, 'narration', 'It holds.')];
    expect(currentRoll({ rolls: [roll(7), roll(11)], timeline: within })).toEqual({
      roll: roll(11),
      narration: 'It holds.',
    });
  });

  it('leaves a roll from an earlier scene to the timeline', () => {
    expect(currentRoll({ rolls: [roll(7)], timeline: [...timeline, entry(9, 'scene', 'Jumped')] })).toBeNull();
    expect(currentRoll({ rolls: [], timeline })).toBeNull();
  });
});

describe('criticals', () => {
  it('marks a natural 20 and a natural 1 on a d20, and nothing else', () => {
    expect(criticalOf({ dice: 'd20', natural: 20 })).toBe('critical-success');
    expect(criticalOf({ dice: 'd20', natural: 1 })).toBe('critical-failure');
    expect(criticalOf({ dice: 'd20', natural: 2 })).toBeNull();
    expect(criticalOf({ dice: 'd6', natural: 1 })).toBeNull();
  });
});

describe('closing narration', () => {
  it("tells the facilitator's closing line with the ending, and nothing told earlier", () => {
    const timeline = [entry(4, 'narration', 'Earlier outcome.'), entry(9, 'narration', 'The night ends quietly.')];
    const milestones = { ended: { game: 9, wall: 9, source: 'outcome' as const } };
    expect(closingNarration({ timeline, milestones, ending: null })).toEqual(['The night ends quietly.']);
    const ending = {
      id: 'recovered',
      title: 'Recovered',
      outcome: 'success' as const,
      narration: 'All green.',
      debrief: [],
    };
    expect(closingNarration({ timeline, milestones, ending })).toEqual(['The night ends quietly.', 'All green.']);
    expect(closingNarration({ timeline, milestones: {}, ending })).toEqual(['All green.']);
  });
});
