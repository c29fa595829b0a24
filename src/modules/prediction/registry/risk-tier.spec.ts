import { riskTier, RiskTier } from 'src/modules/prediction/registry/risk-tier';

describe(riskTier.name, () => {
  const thresholds = { medium: 0.3, high: 0.6, critical: 0.85 };

  it.each([
    [0, RiskTier.Low],
    [0.2999, RiskTier.Low],
    [0.3, RiskTier.Medium],
    [0.5999, RiskTier.Medium],
    [0.6, RiskTier.High],
    [0.85, RiskTier.Critical],
    [1, RiskTier.Critical],
  ])('puts %p in %s', (probability, tier) => {
    expect(riskTier(probability, thresholds)).toBe(tier);
  });
});
