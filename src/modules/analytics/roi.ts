/** Payment figures the ROI needs; every one is an input (see roi-assumptions.ts for where each comes from). */
export interface PaymentAssumptions {
  memberMonths: number;
  benchmarkPmpmCents: number;
  /** Without a bid the rebate is not computed. */
  bidPmpmCents: number | null;
  /** Share (0-1) of member months in double-bonus counties. */
  doubleBonusShare: number;
  newPlan: boolean;
  bonusThresholdStars: number;
  bonusPercent: number;
  doubleBonusPercent: number;
  newPlanBonusPercent: number;
  /** Highest band first: the first band whose minStars the rating meets applies. */
  rebateSharePercent: ReadonlyArray<{ minStars: number; percent: number }>;
}

export interface PaymentAtRating {
  stars: number;
  qualityBonusPercent: number;
  qualityBonusCents: number;
  rebateSharePercent: number;
  rebateCents: number | null;
  totalCents: number;
}

export interface RoiResult {
  before: PaymentAtRating;
  after: PaymentAtRating;
  incrementalValueCents: number;
  interventionCostCents: number;
  netValueCents: number;
  /** Net value per dollar spent; null when nothing is spent. */
  roi: number | null;
  /** Member months at which the added value pays for the interventions; null when the rating adds nothing. */
  breakEvenMemberMonths: number | null;
}

/**
 * What a rating is worth for a year: the quality bonus raises the benchmark by a percentage (blended
 * over double-bonus counties; a new plan gets its own rate whatever its rating), and the rebate is
 * the plan's share of the savings between that raised benchmark and its bid. Benchmark caps, risk
 * adjustment and county-level pricing are outside this model.
 */
export function paymentAt(stars: number, a: PaymentAssumptions): PaymentAtRating {
  const qualityBonusPercent = a.newPlan
    ? a.newPlanBonusPercent
    : stars >= a.bonusThresholdStars
      ? (1 - a.doubleBonusShare) * a.bonusPercent + a.doubleBonusShare * a.doubleBonusPercent
      : 0;
  const qualityBonusCents = Math.round((a.benchmarkPmpmCents * a.memberMonths * qualityBonusPercent) / 100);
  const rebateSharePercent = a.rebateSharePercent.find((band) => stars >= band.minStars)?.percent ?? 0;
  const savingsPmpm = a.bidPmpmCents === null ? null : Math.max(0, a.benchmarkPmpmCents * (1 + qualityBonusPercent / 100) - a.bidPmpmCents);
  const rebateCents = savingsPmpm === null ? null : Math.round((savingsPmpm * a.memberMonths * rebateSharePercent) / 100);
  return {
    stars,
    qualityBonusPercent: round(qualityBonusPercent, 6),
    qualityBonusCents,
    rebateSharePercent,
    rebateCents,
    totalCents: qualityBonusCents + (rebateCents ?? 0),
  };
}

export function roiOf(starsBefore: number, starsAfter: number, interventionCostCents: number, a: PaymentAssumptions): RoiResult {
  const before = paymentAt(starsBefore, a);
  const after = paymentAt(starsAfter, a);
  const incrementalValueCents = after.totalCents - before.totalCents;
  const netValueCents = incrementalValueCents - interventionCostCents;
  const perMemberMonth = incrementalValueCents / a.memberMonths;
  return {
    before,
    after,
    incrementalValueCents,
    interventionCostCents,
    netValueCents,
    roi: interventionCostCents > 0 ? round(netValueCents / interventionCostCents, 4) : null,
    breakEvenMemberMonths: perMemberMonth > 0 ? Math.ceil(interventionCostCents / perMemberMonth) : null,
  };
}

/** Whole cents as a decimal dollar string ("-1234.05"), exact for any safe integer. */
export function centsToDecimalString(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError('cents must be a safe integer');
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
