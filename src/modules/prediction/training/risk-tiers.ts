import type { RiskTierThresholds } from 'src/modules/prediction/registry/model-manifest';
import { RiskTier, riskTier } from 'src/modules/prediction/registry/risk-tier';

/**
 * Fixed probabilities, the same for every measure: the models are calibrated (see the manifest's
 * calibration table), so "critical" keeps one meaning everywhere: at least a 3-in-4 chance that the
 * gap is still open on 31 December. Quantiles of the holdout predictions were rejected: on the PDC
 * measures, where about 9 in 10 members end adherent, the 75th percentile is a probability of 6–9%.
 */
export const RISK_TIER_THRESHOLDS: Readonly<RiskTierThresholds> = { medium: 0.25, high: 0.5, critical: 0.75 };

/** Share of rows in each tier, as the registry will assign them; the CLI prints it so a reader sees how the cut-offs fall. */
export function tierShares(
  probabilities: ArrayLike<number>,
  thresholds: Readonly<RiskTierThresholds>,
): Record<RiskTier, number> {
  const counts: Record<RiskTier, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (let i = 0; i < probabilities.length; i++) counts[riskTier(probabilities[i], thresholds)] += 1;
  const total = Math.max(1, probabilities.length);
  return {
    low: counts.low / total,
    medium: counts.medium / total,
    high: counts.high / total,
    critical: counts.critical / total,
  };
}
