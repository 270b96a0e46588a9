export const DAY_S = 86_400;

/**
 * A trend chart's x span in seconds, whole days around its runs: one run (or runs on one day) gets
 * three days either side instead of uPlot's default span of years, and a longer span a margin so
 * the dots at its ends show. Pure.
 */
export function dayRange(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 7 * DAY_S];
  const pad = max - min < DAY_S ? 3 * DAY_S : Math.max(DAY_S / 2, (max - min) * 0.05);
  return [min - pad, max + pad];
}
