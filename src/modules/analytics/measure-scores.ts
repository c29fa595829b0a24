import { FieldError } from 'src/common/errors/domain-error';
import { measuresRatedFor } from 'src/modules/analytics/contract-parts';
import { RatedAs } from 'src/modules/analytics/rated-as';
import { measureStars } from 'src/modules/analytics/star-rating/measure-stars';
import { roundHalfUp } from 'src/modules/analytics/star-rating/rounding';
import { StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import { MeasureDefinition } from 'src/modules/measures/measure';
import { isMeasureCode } from 'src/modules/measures/measure-code';
import { catalogueCutPointRule } from 'src/modules/measures/star-position';

export interface ScoredMeasure {
  measure: MeasureDefinition;
  score: number;
  roundedScore: number;
  stars: number;
}

/** Problems with `measure_scores`: catalogue codes only, percents 0-100, rated for the contract, not also given as stars. */
export function measureScoresProblems(
  method: StarMethod,
  catalogue: readonly MeasureDefinition[],
  ratedAs: RatedAs,
  scores: Readonly<Record<string, unknown>>,
  stars: Readonly<Record<string, unknown>>,
): FieldError[] {
  const rated = new Set(measuresRatedFor(method, ratedAs));
  const codes = Object.keys(scores);
  const unknown: FieldError[] = codes.some((code) => !isMeasureCode(code))
    ? [{ field: 'measure_scores', message: `keys must be measure codes: ${catalogue.map((m) => m.code).join(', ')}` }]
    : [];
  return [
    ...unknown,
    ...catalogue.flatMap((measure): FieldError[] => {
      if (!(measure.code in scores)) return [];
      const field = `measure_scores.${measure.code}`;
      const score = scores[measure.code];
      if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) {
        return [{ field, message: 'must be a percentage from 0 to 100' }];
      }
      if (!rated.has(measure.cms_id)) return [{ field, message: `is not rated for a contract rated as ${ratedAs}` }];
      if (measure.cms_id in stars) {
        return [{ field, message: `is also given in measure_stars as ${measure.cms_id}; give it once` }];
      }
      return [];
    }),
  ];
}

/** Checked scores to stars with the catalogue cut points (PDP cut points for a PDP). */
export function scoreMeasures(
  catalogue: readonly MeasureDefinition[],
  ratedAs: RatedAs,
  scores: Readonly<Record<string, number>>,
): ScoredMeasure[] {
  return catalogue
    .filter((measure) => measure.code in scores)
    .map((measure) => {
      const rule = catalogueCutPointRule(measure, ratedAs === RatedAs.Pdp);
      const score = scores[measure.code];
      return { measure, score, roundedScore: roundHalfUp(score, rule.decimals), stars: measureStars(score, rule) };
    });
}
