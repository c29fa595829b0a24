import { PAYMENT_RULES } from 'src/modules/analytics/payment-rules';
import { centsToDecimalString, PaymentAssumptions, paymentAt, roiOf } from 'src/modules/analytics/roi';

// Round figures chosen for the arithmetic, not taken from any plan: 10,000 members, $1,000 benchmark, $900 bid.
const assumptions: PaymentAssumptions = {
  memberMonths: 120_000,
  benchmarkPmpmCents: 100_000,
  bidPmpmCents: 90_000,
  doubleBonusShare: 0,
  newPlan: false,
  bonusThresholdStars: PAYMENT_RULES.bonusThresholdStars,
  bonusPercent: PAYMENT_RULES.bonusPercent,
  doubleBonusPercent: PAYMENT_RULES.doubleBonusPercent,
  newPlanBonusPercent: PAYMENT_RULES.newPlanBonusPercent,
  rebateSharePercent: PAYMENT_RULES.rebateSharePercent,
};

describe(paymentAt.name, () => {
  it('pays no bonus below 4 stars and the 50 % or 65 % rebate share by rating', () => {
    // Savings $100 pmpm x 120,000 member months = $12M; 50 % below 3.5 stars, 65 % from 3.5.
    expect(paymentAt(3, assumptions)).toEqual({
      stars: 3,
      qualityBonusPercent: 0,
      qualityBonusCents: 0,
      rebateSharePercent: 50,
      rebateCents: 600_000_000,
      totalCents: 600_000_000,
    });
    expect(paymentAt(3.5, assumptions).rebateCents).toBe(780_000_000);
  });

  it('adds 5 % of the benchmark at 4 stars, which also raises the savings the rebate shares', () => {
    // Bonus: $1,000 x 5 % x 120,000 = $6M. Rebate: 65 % of ($1,050 - $900) x 120,000 = $11.7M.
    expect(paymentAt(4, assumptions)).toMatchObject({ qualityBonusPercent: 5, qualityBonusCents: 600_000_000, rebateCents: 1_170_000_000 });
    expect(paymentAt(4.5, assumptions)).toMatchObject({ rebateSharePercent: 70, rebateCents: 1_260_000_000 });
  });

  it('blends the 10 % double bonus over its share of member months, and pays new plans 3.5 % at any rating', () => {
    expect(paymentAt(4, { ...assumptions, doubleBonusShare: 0.5 }).qualityBonusPercent).toBe(7.5);
    expect(paymentAt(3, { ...assumptions, doubleBonusShare: 1 }).qualityBonusPercent).toBe(0);
    expect(paymentAt(2.5, { ...assumptions, newPlan: true }).qualityBonusPercent).toBe(3.5);
  });

  it('leaves the rebate out without a bid, and never makes it negative', () => {
    expect(paymentAt(4, { ...assumptions, bidPmpmCents: null })).toMatchObject({ rebateCents: null, totalCents: 600_000_000 });
    expect(paymentAt(3, { ...assumptions, bidPmpmCents: 150_000 }).rebateCents).toBe(0);
  });
});

describe(roiOf.name, () => {
  it('values the move from 3.5 to 4 stars against the cost of the interventions', () => {
    const result = roiOf(3.5, 4, 100_000_000, assumptions);
    // Before: $7.8M rebate. After: $6M bonus + $11.7M rebate. Added: $9.9M; cost $1M; net $8.9M.
    expect(result).toMatchObject({ incrementalValueCents: 990_000_000, interventionCostCents: 100_000_000, netValueCents: 890_000_000, roi: 8.9 });
    // $9.9M over 120,000 member months is $82.50 a member month: $1M is recovered after 12,122 member months.
    expect(result.breakEvenMemberMonths).toBe(12_122);
  });

  it('has no ROI without a cost and no break-even when the rating adds nothing', () => {
    expect(roiOf(4, 4, 0, assumptions)).toMatchObject({ incrementalValueCents: 0, roi: null, breakEvenMemberMonths: null });
    expect(roiOf(4, 4, 5_000, assumptions)).toMatchObject({ netValueCents: -5_000, roi: -1 });
  });
});

describe(centsToDecimalString.name, () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [123456, '1234.56'],
    [-1205, '-12.05'],
    [99_999_999_999, '999999999.99'],
  ])('%d cents is %s', (cents, text) => {
    expect(centsToDecimalString(cents)).toBe(text);
  });

  it('refuses fractions of a cent', () => {
    expect(() => centsToDecimalString(1.5)).toThrow(RangeError);
  });
});
