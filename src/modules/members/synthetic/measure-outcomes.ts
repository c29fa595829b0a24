import { expectedRate, sigmoid, solveIncreasing } from 'src/modules/members/synthetic/statistics';

/** One measure's denominator, ready for drawing: parallel arrays over its eligible members. */
export interface OutcomeDraw {
  /** Member-level log-odds of closing, before the plan intercept (observed drivers plus latent habit). */
  scores: Float64Array;
  /** 1 or 0 where the outcome is already decided by the record, -1 where it is drawn. */
  fixed: Int8Array;
  /** One uniform per member, from the member's own stream. */
  uniforms: Float64Array;
  target: number;
}

export interface DrawnOutcomes {
  intercept: number;
  closes: Uint8Array;
}

/**
 * Sets the plan intercept so the expected closure rate over the denominator equals the target, then
 * draws each member's outcome as uniform < sigmoid(intercept + score). The realised rate is then the
 * target plus binomial noise only.
 */
export function drawOutcomes(draw: OutcomeDraw): DrawnOutcomes {
  const rateAt = (b: number): number => expectedRate(b, draw.scores, draw.fixed);
  const intercept = draw.scores.length === 0 ? 0 : solveIncreasing(rateAt, draw.target, -10, 10, 28);
  const closes = new Uint8Array(draw.scores.length);
  for (let i = 0; i < closes.length; i += 1) {
    const pinned = draw.fixed[i];
    closes[i] = pinned >= 0 ? pinned : draw.uniforms[i] < sigmoid(intercept + draw.scores[i]) ? 1 : 0;
  }
  return { intercept, closes };
}

export function noneFixed(length: number): Int8Array {
  return new Int8Array(length).fill(-1);
}
