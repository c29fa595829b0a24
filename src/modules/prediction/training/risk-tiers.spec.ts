import { RiskTier, riskTier } from 'src/modules/prediction/registry/risk-tier';
import { RISK_TIER_THRESHOLDS, tierShares } from 'src/modules/prediction/training/risk-tiers';

describe(tierShares.name, () => {
  it('uses increasing probability cut-offs', () => {
    const { medium, high, critical } = RISK_TIER_THRESHOLDS;
    expect(0 < medium && medium < high && high < critical && critical < 1).toBe(true);
  });

  it.each([
    [0.2499, RiskTier.Low],
    [0.25, RiskTier.Medium],
    [0.7499, RiskTier.High],
    [0.75, RiskTier.Critical],
  ])('puts %d in the %s tier, as the registry does', (probability, tier) => {
    expect(riskTier(probability, RISK_TIER_THRESHOLDS)).toBe(tier);
  });

  it('counts the share of rows in each tier', () => {
    expect(tierShares([0.1, 0.3, 0.6, 0.9, 0.95], RISK_TIER_THRESHOLDS)).toEqual({
      low: 0.2,
      medium: 0.2,
      high: 0.2,
      critical: 0.4,
    });
  });
});
