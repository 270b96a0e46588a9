/**
 * A streaming anomaly detector over one metric, with a baseline that moves with the data. Each point is
 * compared with what the series has been doing so far (never with what comes next), in units of the
 * series' own recent noise, so it needs no min/max, no units and no per-series tuning.
 *
 * Two questions are asked of every point, and the louder answer wins:
 * - Is this point far from the current level? The level is an exponentially weighted moving average
 *   (EWMA) and the noise the EWMA of the absolute deviation from it: spikes, dips and sudden steps.
 * - Has the recent level moved away from the long-run level by more than it usually does? The gap
 *   between a fast and a slow EWMA is tracked against its own typical size: level shifts and slow
 *   drifts that never cross a fixed line and that the fast level would otherwise quietly absorb.
 * The surprise (distance in noise units) maps to a score in [0, 1]. An incident raises one alert, not
 * hundreds: after a point scores `alertScore` or more, scores are damped for `quietPoints` points while
 * the baselines settle on the new normal, which the slow level then adopts (on NAB this is what keeps
 * false positives rare).
 */

/** Tuning of the detector; one set serves every series (NAB's rules). Weights are EWMA weights in (0, 1]. */
export interface DetectorParams {
  /** Weight of a new point in the level; 0.05 follows a change over ~20 points. */
  levelWeight: number;
  /** Weight of a new point's absolute deviation in the noise estimate. */
  noiseWeight: number;
  /** Weights of a new point in the fast and the slow level whose gap reveals shifts and drifts. */
  fastWeight: number;
  slowWeight: number;
  /** Weight of a new gap in the gap's own typical value and typical deviation (0.001: ~1000 points). */
  gapWeight: number;
  /** Largest deviation of the gap, in multiples of its typical deviation, that the estimate learns from. */
  gapClip: number;
  /** Points seen before any score above 0 (the baselines know nothing before). */
  warmup: number;
  /** Surprise (in noise units) that scores 0.5: score = surprise / (surprise + halfScoreSurprise). */
  halfScoreSurprise: number;
  /** A score at or above this is an alert; it is also the default alert threshold for callers. */
  alertScore: number;
  /** After an alert, scores are multiplied by `quietFactor` for this many points. */
  quietPoints: number;
  quietFactor: number;
}

/** The parameters the NAB benchmark was run with (`npm run bench:detector`). */
export const DEFAULT_DETECTOR_PARAMS: Readonly<DetectorParams> = Object.freeze({
  levelWeight: 0.05,
  noiseWeight: 0.02,
  fastWeight: 0.1,
  slowWeight: 0.002,
  gapWeight: 0.001,
  gapClip: 2,
  warmup: 50,
  halfScoreSurprise: 10,
  alertScore: 0.4,
  quietPoints: 200,
  quietFactor: 0.25,
});

/** One detector per series; feed it every point in order. */
export interface BaselineDetector {
  /**
   * The anomaly score in [0, 1] of `value`, from it and the points before it only. Deterministic: the
   * same sequence gives the same scores. Throws a RangeError for a value that is not a finite number.
   */
  next(value: number): number;
}

/** A new detector with empty baselines. Pure: no clock, no randomness; state lives in the returned object. */
export function createBaselineDetector(params: Readonly<DetectorParams> = DEFAULT_DETECTOR_PARAMS): BaselineDetector {
  const p = params;
  let seen = 0;
  let level = 0;
  let noise = 0;
  let fast = 0;
  let slow = 0;
  let gapMean = 0;
  let gapNoise = 0;
  let quietLeft = 0;
  return {
    next(value: number): number {
      if (!Number.isFinite(value)) throw new RangeError(`anomaly detector: ${value} is not a finite number`);
      if (seen === 0) [level, fast, slow] = [value, value, value];
      // A floor relative to the level keeps a constant series (zero noise) from dividing by zero, while
      // any real step away from it still counts as a huge surprise.
      const floor = 1e-9 * Math.abs(level) + 1e-12;
      const pointSurprise = Math.abs(value - level) / (noise + floor);
      const gapSurprise = Math.abs(fast - slow - gapMean) / (gapNoise + floor);
      const surprise = Math.max(pointSurprise, gapSurprise);
      // Written as 1 - h/(z + h) rather than z/(z + h) so that an infinite surprise scores 1, not NaN.
      let score = seen < p.warmup ? 0 : 1 - p.halfScoreSurprise / (surprise + p.halfScoreSurprise);
      if (quietLeft > 0) {
        quietLeft--;
        score *= p.quietFactor;
        // The incident is over for the detector: what the level is now is the new normal, so the slow
        // level stops measuring the gap from the old one (which would raise a second alert for it).
        if (quietLeft === 0) slow = fast;
      } else if (score >= p.alertScore) {
        quietLeft = p.quietPoints;
      }
      // The point has been scored against the past; only now does it join the baselines.
      // Until 1/weight points have been seen, each average is the plain mean of the points so far, so a
      // slow average is not stuck near its first value (or a noise estimate near zero) for a long time.
      seen++;
      const early = 1 / seen;
      noise += Math.max(p.noiseWeight, early) * (Math.abs(value - level) - noise);
      level += Math.max(p.levelWeight, early) * (value - level);
      fast += Math.max(p.fastWeight, early) * (value - fast);
      slow += Math.max(p.slowWeight, early) * (value - slow);
      const gap = fast - slow;
      const gapWeight = Math.max(p.gapWeight, early);
      // A drift widens the gap slowly, and an estimate of its typical deviation that took the widening
      // at face value would grow along with it and never let the drift stand out. So once the estimate
      // is a true moving average (not yet while it is the plain mean of its first few points), a deviation
      // counts for at most `gapClip` times the current estimate: a Huber-style robust scale.
      const gapDeviation = Math.abs(gap - gapMean);
      const settled = early <= p.gapWeight;
      gapNoise += gapWeight * ((settled ? Math.min(gapDeviation, p.gapClip * gapNoise) : gapDeviation) - gapNoise);
      gapMean += gapWeight * (gap - gapMean);
      return score;
    },
  };
}
