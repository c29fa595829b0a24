import { JsonReader } from 'src/modules/analytics/star-rating/json-reader';
import {
  CutPointRule,
  MeasureCutPoints,
  RATING_KINDS,
  RatingKind,
  RewardThresholds,
  StarMethod,
  THRESHOLD_ROWS,
  ThresholdRow,
} from 'src/modules/analytics/star-rating/star-method.types';

const STAR_LEVELS = ['2', '3', '4', '5'] as const;

/** Checks a Star-year data file and converts it to a `StarMethod`; throws StarMethodFileError. */
export function parseStarMethod(raw: unknown, fileName: string): StarMethod {
  const root = new JsonReader(fileName, raw);
  const weightsReader = root.field('weights');
  // Weights must be whole numbers: the weighted mean and variance are then exact fractions.
  const weights = new Map(weightsReader.entries().map(([id, reader]) => [id, reader.integer(0, 100)]));
  const known = (reader: JsonReader): string[] => {
    const list = reader.stringList();
    const unknown = list.find((id) => !weights.has(id));
    if (unknown) reader.fail(`measure ${unknown} has no weight`);
    return list;
  };

  const partCMeasures = known(root.field('part_c_measures'));
  const partDMeasures = known(root.field('part_d_measures'));
  const both = [...partCMeasures, ...partDMeasures];
  if (new Set(both).size !== both.length) root.fail('a measure is listed in both part_c_measures and part_d_measures');
  const unlisted = [...weights.keys()].find((id) => !both.includes(id));
  if (unlisted) weightsReader.fail(`measure ${unlisted} is in neither part_c_measures nor part_d_measures`);

  const excluded = new Set(known(root.field('overall_excluded_measures')));
  const newMeasures = new Set(known(root.field('new_measures')));
  const prWeights = root.field('puerto_rico_only_weights');

  return {
    starYear: root.field('star_year').integer(2000, 2100),
    measurementYear: root.field('measurement_year').integer(2000, 2100),
    source: root.field('source').string(),
    fileName,
    citations: Object.fromEntries(root.field('citations').entries().map(([key, reader]) => [key, reader.string()])),
    weights,
    puertoRicoOnlyWeights: new Map(
      prWeights.entries().map(([id, reader]) => {
        if (!weights.has(id)) reader.fail('is not a measure with a weight');
        return [id, reader.integer(0, 100)];
      }),
    ),
    partCMeasures,
    partDMeasures,
    overallMeasures: both.filter((id) => !excluded.has(id)),
    improvementMeasures: new Set(known(root.field('improvement_measures'))),
    newMeasures,
    newMeasureHoldHarmless: parseNewMeasureRule(root.field('new_measure_hold_harmless'), newMeasures),
    improvementHoldHarmless: {
      withoutImprovementAtLeast: root.field('improvement_hold_harmless').field('without_improvement_at_least').number(),
    },
    minimumRatedMeasures: parseMinimum(root.field('minimum_rated_measures')),
    ...parseReward(root.field('reward_factor')),
    caiByCategory: parseCai(root.field('cai_by_final_adjustment_category')),
    measureCutPoints: parseCutPoints(root.field('measure_cut_points'), weights),
  };
}

function parseNewMeasureRule(reader: JsonReader, newMeasures: ReadonlySet<string>): StarMethod['newMeasureHoldHarmless'] {
  const disasterPercentAtLeast = reader.field('disaster_percent_at_least').number();
  if (disasterPercentAtLeast < 0 || disasterPercentAtLeast > 100) reader.fail('disaster_percent_at_least must be 0-100');
  const groups = reader.field('groups').items().map((group) => {
    const measures = group.field('measures').stringList();
    const stray = measures.find((id) => !newMeasures.has(id));
    if (stray) group.fail(`measure ${stray} is not in new_measures`);
    return { measures, disasterYear: group.field('disaster_year').integer(2000, 2100) };
  });
  return { disasterPercentAtLeast, groups };
}

function parseMinimum(reader: JsonReader): StarMethod['minimumRatedMeasures'] {
  const shareOfRequired = reader.field('share_of_required').number();
  if (shareOfRequired <= 0 || shareOfRequired > 1) reader.field('share_of_required').fail('must be above 0 and at most 1');
  return { shareOfRequired, overallRequiresBothSummaries: reader.field('overall_requires_both_summaries').boolean() };
}

function parseReward(reader: JsonReader): Pick<StarMethod, 'rewardDecimals' | 'rewardValues' | 'rewardThresholds'> {
  const values = reader.field('values');
  const thresholds = reader.field('thresholds');
  const rows = {} as Record<ThresholdRow, Record<RatingKind, RewardThresholds>>;
  for (const row of THRESHOLD_ROWS) {
    const rowReader = thresholds.field(row);
    rows[row] = {} as Record<RatingKind, RewardThresholds>;
    for (const kind of RATING_KINDS) {
      const cell = rowReader.field(kind);
      const parsed: RewardThresholds = {
        meanP65: cell.field('mean_p65').millionths(),
        meanP85: cell.field('mean_p85').millionths(),
        varianceP30: cell.field('variance_p30').millionths(),
        varianceP70: cell.field('variance_p70').millionths(),
      };
      if (parsed.meanP65 > parsed.meanP85) cell.fail('mean_p65 is above mean_p85');
      if (parsed.varianceP30 > parsed.varianceP70) cell.fail('variance_p30 is above variance_p70');
      rows[row][kind] = parsed;
    }
  }
  return {
    rewardDecimals: reader.field('decimals').integer(0, 6),
    rewardValues: {
      highMeanLowVariance: values.field('high_mean_low_variance').millionths(),
      highMeanMediumVariance: values.field('high_mean_medium_variance').millionths(),
      relativelyHighMeanLowVariance: values.field('relatively_high_mean_low_variance').millionths(),
      relativelyHighMeanMediumVariance: values.field('relatively_high_mean_medium_variance').millionths(),
    },
    rewardThresholds: rows,
  };
}

function parseCai(reader: JsonReader): StarMethod['caiByCategory'] {
  const byKind = {} as Record<RatingKind, Map<number, number>>;
  for (const kind of RATING_KINDS) {
    const entries = reader.field(kind).entries();
    if (entries.length === 0) reader.field(kind).fail('must list at least one category');
    byKind[kind] = new Map(
      entries.map(([category, value]) => {
        if (!/^[1-9]\d*$/.test(category)) value.fail('category must be a whole number from 1');
        return [Number(category), value.millionths()];
      }),
    );
  }
  return byKind;
}

function parseCutPoints(reader: JsonReader, weights: ReadonlyMap<string, number>): Map<string, MeasureCutPoints> {
  return new Map(
    reader.entries().map(([id, measure]) => {
      if (!weights.has(id)) measure.fail('is not a measure with a weight');
      const higherIsBetter = measure.field('higher_is_better').boolean();
      const decimals = measure.field('decimals').integer(0, 6);
      const pdp = measure.optionalField('pdp_cut_points');
      const parsed: MeasureCutPoints = {
        name: measure.field('name').string(),
        maPd: parseRule(measure.field('cut_points'), higherIsBetter, decimals),
        ...(pdp ? { pdp: parseRule(pdp, higherIsBetter, decimals) } : {}),
      };
      return [id, parsed];
    }),
  );
}

function parseRule(reader: JsonReader, higherIsBetter: boolean, decimals: number): CutPointRule {
  const [two, three, four, five] = STAR_LEVELS.map((level) => reader.field(level).number());
  const cutPoints: [number, number, number, number] = [two, three, four, five];
  const ordered = cutPoints.every((value, index) => index === 0 || (higherIsBetter ? value > cutPoints[index - 1] : value < cutPoints[index - 1]));
  if (!ordered) reader.fail(`cut points must ${higherIsBetter ? 'rise' : 'fall'} from 2 to 5 stars`);
  return { higherIsBetter, decimals, cutPoints };
}
