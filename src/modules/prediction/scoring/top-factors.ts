import { ScoredMember } from 'src/modules/prediction/scoring/prediction-engine';

export interface Factor {
  feature: string;
  value: number;
  contribution: number;
  direction: 'raises_gap_risk' | 'lowers_gap_risk';
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/** The features that moved this member's score most, largest absolute SHAP value first. */
export function topFactors(scored: Pick<ScoredMember, 'contributions' | 'featureNames' | 'inputs'>, count = 5): Factor[] {
  return Array.from(scored.contributions, (contribution, i) => ({ i, contribution }))
    .filter(({ contribution }) => contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, count)
    .map(({ i, contribution }) => ({
      feature: scored.featureNames[i],
      value: scored.inputs[i],
      contribution: round(contribution),
      direction: contribution > 0 ? 'raises_gap_risk' : 'lowers_gap_risk',
    }));
}
