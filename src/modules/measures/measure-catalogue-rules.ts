import {
  CutPoints,
  MeasureCatalogue,
  MeasureDefinition,
  MeasurePart,
  WeightingCategory,
} from 'src/modules/measures/measure';
import { MEASURE_CODES } from 'src/modules/measures/measure-code';

/** Weight by category for these measures (Technical Notes 2026, Attachment G; first-year measures also weigh 1). */
const WEIGHT_BY_CATEGORY: Record<WeightingCategory, number> = {
  [WeightingCategory.Process]: 1,
  [WeightingCategory.IntermediateOutcome]: 3,
};

/**
 * Rules the field validators cannot express: the right 12 measures, each once; thresholds in the
 * direction the measure is scored; a weight that matches its category. Returns problems, empty if none.
 */
export function catalogueRuleProblems(catalogue: MeasureCatalogue, starYear: number): string[] {
  const problems: string[] = [];
  if (catalogue.star_year !== starYear) {
    problems.push(`star_year is ${catalogue.star_year} but the file is for Star year ${starYear}`);
  }
  const codes = catalogue.measures.map((measure) => measure.code);
  const missing = MEASURE_CODES.filter((code) => !codes.includes(code));
  const duplicated = codes.filter((code, index) => codes.indexOf(code) !== index);
  if (missing.length > 0) problems.push(`measures is missing ${missing.join(', ')}`);
  if (duplicated.length > 0) problems.push(`measures lists ${[...new Set(duplicated)].join(', ')} more than once`);
  return [...problems, ...catalogue.measures.flatMap(measureProblems)];
}

function measureProblems(measure: MeasureDefinition): string[] {
  const at = `measure ${measure.code}`;
  const problems: string[] = [];
  if (WEIGHT_BY_CATEGORY[measure.weighting_category] !== measure.weight) {
    problems.push(`${at}: weight ${measure.weight} does not match weighting_category ${measure.weighting_category}`);
  }
  if (!measure.cms_id.startsWith(measure.part)) {
    problems.push(`${at}: cms_id ${measure.cms_id} does not belong to Part ${measure.part}`);
  }
  const partD = measure.part === MeasurePart.D;
  if (partD !== (measure.pdp_cut_points !== null) || partD !== (measure.cut_points_org_type === 'MA-PD')) {
    problems.push(`${at}: Part D measures need MA-PD cut_points and pdp_cut_points; Part C measures neither`);
  }
  problems.push(...cutPointProblems(`${at} cut_points`, measure.cut_points, measure.higher_is_better));
  if (measure.pdp_cut_points) {
    problems.push(...cutPointProblems(`${at} pdp_cut_points`, measure.pdp_cut_points, measure.higher_is_better));
  }
  const { p10, p25, p50, p75, p90 } = measure.contract_score_percentiles;
  if (!isAscending([p10, p25, p50, p75, p90], false)) {
    problems.push(`${at}: contract_score_percentiles must rise from p10 to p90`);
  }
  if (measure.default_interventions.some((intervention) => !intervention.is_assumption)) {
    problems.push(`${at}: every default intervention must be labelled is_assumption: true`);
  }
  return problems;
}

function cutPointProblems(at: string, cutPoints: CutPoints, higherIsBetter: boolean): string[] {
  const values = [cutPoints.two_star, cutPoints.three_star, cutPoints.four_star, cutPoints.five_star];
  const ordered = higherIsBetter ? values : [...values].reverse();
  return isAscending(ordered, true)
    ? []
    : [`${at} must ${higherIsBetter ? 'rise' : 'fall'} strictly from two_star to five_star`];
}

function isAscending(values: number[], strict: boolean): boolean {
  return values.every((value, index) => {
    if (index === 0) return true;
    return strict ? value > values[index - 1] : value >= values[index - 1];
  });
}
