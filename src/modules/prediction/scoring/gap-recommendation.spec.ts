import { MeasureDefinition, MeasurePart, InterventionType } from 'src/modules/measures/measure';
import { RiskTier } from 'src/modules/prediction/registry/risk-tier';
import { recommendGap } from 'src/modules/prediction/scoring/gap-recommendation';

const measure = {
  part: MeasurePart.C,
  weight: 3,
  default_interventions: [
    { type: InterventionType.InHomeVisit, expected_closure_rate: 0.3, unit_cost_cents: 15000, description: '', is_assumption: true },
    { type: InterventionType.ProviderGapAlert, expected_closure_rate: 0.05, unit_cost_cents: 500, description: '', is_assumption: true },
  ],
} as unknown as MeasureDefinition;

describe(recommendGap.name, () => {
  it('weights the probability by the measure weight', () => {
    expect(recommendGap(measure, 0.4, RiskTier.Medium).priorityScore).toBeCloseTo(1.2, 6);
  });

  it('sends high risk to the most effective intervention and low risk to the cheapest per closure', () => {
    expect(recommendGap(measure, 0.9, RiskTier.Critical).interventionRecommended).toBe('in_home_visit');
    expect(recommendGap(measure, 0.2, RiskTier.Low).interventionRecommended).toBe('provider_gap_alert');
  });

  it('names medication gaps on Part D measures', () => {
    expect(recommendGap({ ...measure, part: MeasurePart.D }, 0.5, RiskTier.Medium).gapType).toBe('medication_gap');
    expect(recommendGap(measure, 0.5, RiskTier.Medium).gapType).toBe('care_gap');
  });
});
