/**
 * CMS's quality bonus and rebate rules for MA contracts (42 CFR 422.258(d) and 422.266(a); figures as
 * in shared/reference/cms-star-ratings-2026.json, `quality_bonus_payment` and `rebate_share_percent`).
 * They are policy, not plan data; the ROI takes each one as an overridable input with these defaults.
 */
export const PAYMENT_RULES = {
  /** Overall (MA-PD) or Part C (MA-only) rating that earns the quality bonus. */
  bonusThresholdStars: 4,
  /** Bonus as a percent of the benchmark at or above the threshold. */
  bonusPercent: 5,
  /** Bonus in qualifying ("double bonus") counties. */
  doubleBonusPercent: 10,
  /** Bonus for new plans, which have no rating yet. */
  newPlanBonusPercent: 3.5,
  /** Share of the savings below the benchmark returned as rebate, by rating (highest band first). */
  rebateSharePercent: [
    { minStars: 4.5, percent: 70 },
    { minStars: 3.5, percent: 65 },
    { minStars: 0, percent: 50 },
  ],
  /** Bonuses are paid in the contract year after the Star year. */
  paysIn: 'the contract year after the Star year',
} as const;
