import { choosePass, isNewMeasureHoldHarmlessEligible } from 'src/modules/analytics/star-rating/hold-harmless';
import { selectMeasures } from 'src/modules/analytics/star-rating/measure-selection';
import { computePass, PASS_SPECS } from 'src/modules/analytics/star-rating/rating-pass';
import { RatingKind, StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import {
  ContractStarInput,
  ContractStarRating,
  RatingPass,
  SummaryName,
  SummaryRating,
} from 'src/modules/analytics/star-rating/star-rating.types';

interface SummarySpec {
  summary: SummaryName;
  ratingKind: RatingKind;
  measureIds: readonly string[];
  caiCategory: number | undefined;
  isHighestRating: boolean;
}

/**
 * Part C summary, Part D summary and overall rating of one contract. The contract's highest rating
 * (overall for MA-PD, Part C for MA-only, Part D for PDP) is the only one the improvement hold
 * harmless can raise; MA-PD Part C and Part D summaries always keep the improvement measures.
 */
export function rateContract(method: StarMethod, input: ContractStarInput): ContractStarRating {
  const { contractType } = input;
  const fac = input.finalAdjustmentCategory;
  const newMeasureEligible = isNewMeasureHoldHarmlessEligible(method, input);
  const rate = (spec: SummarySpec): SummaryRating => rateSummary(method, input, spec, newMeasureEligible);

  const partC =
    contractType === 'pdp'
      ? notApplicable('part_c')
      : rate({
          summary: 'part_c',
          ratingKind: 'part_c',
          measureIds: method.partCMeasures,
          caiCategory: fac.partC,
          isHighestRating: contractType === 'ma_only',
        });
  const partD =
    contractType === 'ma_only'
      ? notApplicable('part_d')
      : rate({
          summary: 'part_d',
          ratingKind: contractType === 'pdp' ? 'part_d_pdp' : 'part_d_ma_pd',
          measureIds: method.partDMeasures,
          caiCategory: fac.partD,
          isHighestRating: contractType === 'pdp',
        });
  const overall =
    contractType !== 'ma_pd'
      ? notApplicable('overall')
      : requireBothSummaries(
          method,
          rate({ summary: 'overall', ratingKind: 'overall', measureIds: method.overallMeasures, caiCategory: fac.overall, isHighestRating: true }),
          partC,
          partD,
        );

  return { contractId: input.contractId, starYear: method.starYear, contractType, partC, partD, overall };
}

function rateSummary(
  method: StarMethod,
  input: ContractStarInput,
  spec: SummarySpec,
  newMeasureEligible: boolean,
): SummaryRating {
  const selection = selectMeasures(method, input, spec.measureIds);
  const context = { method, ratingKind: spec.ratingKind, rated: selection.rated, caiCategory: spec.caiCategory ?? null };
  const specs = newMeasureEligible ? PASS_SPECS : PASS_SPECS.filter((passSpec) => passSpec.includesNewMeasures);
  const passes = specs.map((passSpec) => computePass(context, passSpec)).filter((pass): pass is RatingPass => pass !== null);
  const choice = choosePass(passes, {
    isHighestRating: spec.isHighestRating,
    withoutImprovementAtLeast: method.improvementHoldHarmless.withoutImprovementAtLeast,
    newMeasureEligible,
  });

  const enough = choice !== null && selection.ratedCount > 0 && selection.ratedCount >= selection.minimumRated;
  const counts = `${selection.ratedCount} rated of ${selection.requiredCount} required measures (minimum ${selection.minimumRated})`;
  return {
    summary: spec.summary,
    status: enough ? 'rated' : 'not_enough_data',
    stars: enough ? choice.pass.stars : null,
    computedStars: choice ? choice.pass.stars : null,
    ratedMeasureCount: selection.ratedCount,
    requiredMeasureCount: selection.requiredCount,
    minimumRatedMeasures: selection.minimumRated,
    chosenPass: choice ? choice.pass.name : null,
    reason: enough ? `${choice.reason} ${counts}.` : `Not enough data: ${counts}.${choice ? ` ${choice.reason}` : ''}`,
    passes,
  };
}

function requireBothSummaries(
  method: StarMethod,
  overall: SummaryRating,
  partC: SummaryRating,
  partD: SummaryRating,
): SummaryRating {
  const bothRated = partC.status === 'rated' && partD.status === 'rated';
  if (!method.minimumRatedMeasures.overallRequiresBothSummaries || bothRated || overall.status !== 'rated') {
    return overall;
  }
  return {
    ...overall,
    status: 'not_enough_data',
    stars: null,
    reason: `Not enough data: an overall rating needs both a Part C and a Part D summary rating. ${overall.reason}`,
  };
}

function notApplicable(summary: SummaryName): SummaryRating {
  return {
    summary,
    status: 'not_applicable',
    stars: null,
    computedStars: null,
    ratedMeasureCount: 0,
    requiredMeasureCount: 0,
    minimumRatedMeasures: 0,
    chosenPass: null,
    reason: 'This contract type has no such rating.',
    passes: [],
  };
}
