import { exp, log, max, min, sqrt } from 'src/modules/members/math';

export function sigmoid(x: number): number {
  return 1 / (1 + exp(-x));
}

export function clamp(value: number, lower: number, upper: number): number {
  return min(upper, max(lower, value));
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error below 1.2e-9),
 * used to turn a prevalence into a liability threshold.
 */
export function normalQuantile(p: number): number {
  if (p <= 0 || p >= 1) throw new RangeError('normalQuantile needs 0 < p < 1');
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687,
    138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866,
    66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838,
    -2.549732539343734, 4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const tail = (q: number): number =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < low) return tail(sqrt(-2 * log(p)));
  if (p > 1 - low) return -tail(sqrt(-2 * log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * Finds x with f(x) = target for a non-decreasing f by bisection. Used to set each measure's plan-level
 * intercept so the population's rate lands on the archetype's target.
 */
export function solveIncreasing(f: (x: number) => number, target: number, low = -12, high = 12, steps = 40): number {
  let lo = low;
  let hi = high;
  for (let step = 0; step < steps; step += 1) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Expected rate when member i closes with probability sigmoid(intercept + scores[i]), or `fixed[i]` if set. */
export function expectedRate(intercept: number, scores: Float64Array, fixed?: Int8Array): number {
  if (scores.length === 0) return 0;
  let total = 0;
  for (let i = 0; i < scores.length; i += 1) {
    const pinned = fixed ? fixed[i] : -1;
    total += pinned >= 0 ? pinned : sigmoid(intercept + scores[i]);
  }
  return total / scores.length;
}
