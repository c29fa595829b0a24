import { DefaultIntervention, MeasureDefinition, MeasurePart } from 'src/modules/measures/measure';
import { RiskTier } from 'src/modules/prediction/registry/risk-tier';

export interface GapRecommendation {
  gapType: string;
  /** Expected weighted gaps: probability the gap stays open × the measure's CMS weight (1 or 3). */
  priorityScore: number;
  interventionRecommended: string | null;
}

const rate = (i: DefaultIntervention): number => i.expected_closure_rate;
const perCent = (i: DefaultIntervention): number => i.expected_closure_rate / Math.max(1, i.unit_cost_cents);

/**
 * What an open gap becomes on the gap list. High and critical risk get the intervention most likely to
 * close the gap; lower risk the one that closes most gaps per dollar (both from the catalogue's
 * default interventions, which are labelled planning assumptions).
 */
export function recommendGap(measure: MeasureDefinition, gapProbability: number, tier: RiskTier): GapRecommendation {
  const byValue = tier === RiskTier.High || tier === RiskTier.Critical ? rate : perCent;
  const best = [...measure.default_interventions].sort((a, b) => byValue(b) - byValue(a))[0];
  return {
    gapType: measure.part === MeasurePart.D ? 'medication_gap' : 'care_gap',
    priorityScore: Math.round(gapProbability * measure.weight * 1e6) / 1e6,
    interventionRecommended: best?.type ?? null,
  };
}
