import { ContractScorePercentiles, MeasureDefinition } from 'src/modules/measures/measure';

export enum PlanArchetype {
  ThreeStar = '3-star',
  ThreeAndHalfStar = '3.5-star',
  FourStar = '4-star',
  FourAndHalfStar = '4.5-star',
}

/** Plan-level shape of a contract of each archetype. */
export interface PlanProfile {
  /**
   * Where the plan's measure rates sit in the distribution of contract scores: a 3.5-star plan sits
   * between the 25th and 50th percentiles, a 4-star plan between the 50th and 75th (shared reference).
   */
  contractPercentile: number;
  /** Share of members with LIS or dual eligibility (CAI bounds run from about 6% to 79%+). */
  lisDualShare: number;
  /** Share originally entitled by disability (CAI disability quintile cuts about 14/21/30/43%). */
  disabledShare: number;
  /** Share under 65 (all disabled); the reference gives 0-20%. */
  under65Share: number;
  assignedPcpShare: number;
  meanPcpVisits: number;
  mailOrderShare: number;
}

export const PLAN_PROFILES: Readonly<Record<PlanArchetype, PlanProfile>> = {
  [PlanArchetype.ThreeStar]: {
    contractPercentile: 17.5,
    lisDualShare: 0.45,
    disabledShare: 0.32,
    under65Share: 0.17,
    assignedPcpShare: 0.78,
    meanPcpVisits: 2.8,
    mailOrderShare: 0.08,
  },
  [PlanArchetype.ThreeAndHalfStar]: {
    contractPercentile: 37.5,
    lisDualShare: 0.32,
    disabledShare: 0.24,
    under65Share: 0.12,
    assignedPcpShare: 0.84,
    meanPcpVisits: 3.2,
    mailOrderShare: 0.12,
  },
  [PlanArchetype.FourStar]: {
    contractPercentile: 62.5,
    lisDualShare: 0.22,
    disabledShare: 0.18,
    under65Share: 0.08,
    assignedPcpShare: 0.9,
    meanPcpVisits: 3.6,
    mailOrderShare: 0.18,
  },
  [PlanArchetype.FourAndHalfStar]: {
    contractPercentile: 82.5,
    lisDualShare: 0.14,
    disabledShare: 0.13,
    under65Share: 0.05,
    assignedPcpShare: 0.94,
    meanPcpVisits: 4.0,
    mailOrderShare: 0.25,
  },
};

export function parsePlanArchetype(value: string): PlanArchetype | null {
  return (Object.values(PlanArchetype) as string[]).includes(value) ? (value as PlanArchetype) : null;
}

/** Linear interpolation in the published contract-score percentiles; returns a percent. */
export function contractScoreAt(percentiles: ContractScorePercentiles, percentile: number): number {
  const knots: Array<[number, number]> = [
    [10, percentiles.p10],
    [25, percentiles.p25],
    [50, percentiles.p50],
    [75, percentiles.p75],
    [90, percentiles.p90],
  ];
  if (percentile <= knots[0][0]) return knots[0][1];
  for (let k = 1; k < knots.length; k += 1) {
    const [x1, y1] = knots[k];
    const [x0, y0] = knots[k - 1];
    if (percentile <= x1) return y0 + ((y1 - y0) * (percentile - x0)) / (x1 - x0);
  }
  return knots[knots.length - 1][1];
}

/** The share (0-1) of eligible members a plan of this archetype closes on the measure by year end. */
export function targetRate(measure: MeasureDefinition, plan: PlanArchetype): number {
  return contractScoreAt(measure.contract_score_percentiles, PLAN_PROFILES[plan].contractPercentile) / 100;
}
