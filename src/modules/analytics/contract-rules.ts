import { NotRatedReason } from 'src/modules/analytics/star-rating/star-rating.types';

export const NOT_RATED_REASONS: readonly NotRatedReason[] = [
  'not_required',
  'benefit_not_offered',
  'not_enough_data',
  'too_small',
  'too_new',
  'no_data',
];

/**
 * Measures only Special Needs Plans report: C07 SNP Care Management and C08/C09 Care for Older
 * Adults (Technical Notes 2026, measure details; in the 2026 data tables every non-SNP contract
 * shows "Plan not required to report measure" on all three). A contract without SNPs has them
 * as `not_required`, which takes them out of its required-measure count.
 */
const SNP_ONLY_MEASURES: Readonly<Record<number, readonly string[]>> = {
  2026: ['C07', 'C08', 'C09'],
};

export function snpOnlyMeasures(starYear: number): readonly string[] {
  return SNP_ONLY_MEASURES[starYear] ?? [];
}
