import type { RiskTierThresholds } from 'src/modules/prediction/registry/model-manifest';

export enum RiskTier {
  Low = 'low',
  Medium = 'medium',
  High = 'high',
  Critical = 'critical',
}

/** A probability at or above a threshold belongs to that tier. */
export function riskTier(gapProbability: number, thresholds: RiskTierThresholds): RiskTier {
  if (gapProbability >= thresholds.critical) return RiskTier.Critical;
  if (gapProbability >= thresholds.high) return RiskTier.High;
  if (gapProbability >= thresholds.medium) return RiskTier.Medium;
  return RiskTier.Low;
}
