import { MeasureCode } from 'src/modules/measures/measure-code';

/**
 * What stored predictions and gaps say about one measure. Definitions (docs/api.md, "Measure
 * performance"):
 * - eligible: distinct members with a prediction for the measure (only eligible members are scored);
 * - compliant now: members whose latest prediction recorded the measure as already met
 *   (`met_to_date` = 1 in its stored features) or who have a closed gap on it;
 * - expected compliant at year end: the sum of (1 - gap_probability) over each member's latest prediction.
 */
export interface MeasureStats {
  measureCode: MeasureCode;
  eligibleMembers: number;
  compliantMembers: number;
  expectedCompliantMembers: number;
  openGaps: number;
  closedGaps: number;
  latestPredictionDate: Date | null;
}

export function emptyMeasureStats(measureCode: MeasureCode): MeasureStats {
  return {
    measureCode,
    eligibleMembers: 0,
    compliantMembers: 0,
    expectedCompliantMembers: 0,
    openGaps: 0,
    closedGaps: 0,
    latestPredictionDate: null,
  };
}

/** Share of eligible members compliant now, 0-1; null when no member is eligible. */
export function currentRate(stats: MeasureStats): number | null {
  return stats.eligibleMembers > 0 ? stats.compliantMembers / stats.eligibleMembers : null;
}

/** Expected share compliant at year end, 0-1; null when no member is eligible. */
export function predictedRate(stats: MeasureStats): number | null {
  return stats.eligibleMembers > 0 ? stats.expectedCompliantMembers / stats.eligibleMembers : null;
}
