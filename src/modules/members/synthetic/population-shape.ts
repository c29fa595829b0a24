/**
 * Public figures the synthetic population is shaped by (shared/reference/measures.md). Prevalences are
 * Medicare fee-for-service 2019 (CMS Chronic Conditions data); age bands approximate the MA age mix.
 */
export const CONDITION_PREVALENCE = {
  hypertension: 0.59,
  hyperlipidemia: 0.5,
  ischemicHeartDisease: 0.28,
  diabetes: 0.275,
  chronicKidneyDisease: 0.26,
  heartFailure: 0.15,
  depression: 0.19,
} as const;

export type NamedCondition = keyof typeof CONDITION_PREVALENCE;

/** Share with two or more, and four or more, chronic conditions (same source). */
export const MULTIMORBIDITY = { twoOrMore: 0.68, fourOrMore: 0.36 } as const;

/**
 * One-factor liability model: condition c is present when LOADING * burden + sqrt(1 - LOADING^2) * noise
 * exceeds the normal quantile of 1 - prevalence, which keeps each prevalence exact while making
 * conditions cluster. LOADING and the Poisson count of other conditions (mean OTHER_MEAN, scaled by
 * exp(OTHER_SLOPE * burden)) were tuned by simulation to land on MULTIMORBIDITY.
 */
export const BURDEN_LOADING = 0.6;
export const OTHER_CONDITIONS_MEAN = 0.9;
export const OTHER_CONDITIONS_SLOPE = 0.9;

export const FEMALE_SHARE_TARGET = 0.55;

/** Ages 65 and over, by band: [first age, last age, share]. */
export const AGE_BANDS_65_PLUS: ReadonlyArray<readonly [number, number, number]> = [
  [65, 69, 0.28],
  [70, 74, 0.26],
  [75, 79, 0.19],
  [80, 84, 0.13],
  [85, 89, 0.09],
  [90, 99, 0.05],
];

/** CKD stage mix among members with CKD (stages 3a/3b together as 3). */
export const CKD_STAGE_MIX: ReadonlyArray<readonly [number, number]> = [
  [1, 0.08],
  [2, 0.17],
  [3, 0.62],
  [4, 0.09],
  [5, 0.04],
];
