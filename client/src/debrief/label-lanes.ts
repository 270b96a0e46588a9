export interface PlacedLabel {
  /** Left edge of the label, kept inside [0, width]. */
  left: number;
  /** 0 is the lane nearest the axis. */
  lane: number;
}

/**
 * Places labels centred on their marks along a line `width` wide, each in the lowest lane where it
 * does not overlap another (with `gap` px between), clamped so none runs off either end. Labels
 * are taken in the given order, which should be by position. Pure.
 */
export function labelLanes(items: readonly { x: number; width: number }[], width: number, gap = 8): PlacedLabel[] {
  const laneEnds: number[] = [];
  return items.map(({ x, width: w }) => {
    const left = Math.min(Math.max(0, x - w / 2), Math.max(0, width - w));
    let lane = laneEnds.findIndex((end) => end + gap <= left);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = left + w;
    return { left, lane };
  });
}
