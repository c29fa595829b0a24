import starMethod2026 from './data/star-method-2026.json';
import { loadStarMethod, supportedStarYears } from 'src/modules/analytics/star-rating/load-star-method';
import { parseStarMethod } from 'src/modules/analytics/star-rating/star-method-parser';
import { StarMethodFileError, StarYearNotSupportedError } from 'src/modules/analytics/star-rating/star-rating.errors';

type Json = Record<string, unknown>;
const FILE = 'star-method-2026.json';
const copy = (): Json => structuredClone(starMethod2026) as Json;
const parseWith = (edit: (raw: Json) => void): (() => void) => {
  const raw = copy();
  edit(raw);
  return () => parseStarMethod(raw, FILE);
};
const at = (raw: Json, ...path: string[]): Json => path.reduce((node, key) => node[key] as Json, raw);

describe('loadStarMethod', () => {
  it('loads 2026 with the 45 Attachment G weights and its source', () => {
    const method = loadStarMethod(2026);
    expect(method.starYear).toBe(2026);
    expect(method.weights.size).toBe(45);
    expect(method.partCMeasures).toHaveLength(33);
    expect(method.partDMeasures).toHaveLength(12);
    expect(method.overallMeasures).toHaveLength(43);
    expect(method.overallMeasures).not.toContain('D02');
    expect(method.source).toMatch(/cms-star-method-2026\.json/);
    expect(method.rewardThresholds['with_improvement/with_new_measures'].overall.meanP65).toBe(3_649_351);
    expect(method.caiByCategory.overall.get(9)).toBe(145_515);
  });

  it('returns the same object on the second call', () => {
    expect(loadStarMethod(2026)).toBe(loadStarMethod(2026));
  });

  it('names the supported years when asked for another one', () => {
    expect(supportedStarYears()).toEqual([2026]);
    expect(() => loadStarMethod(2031)).toThrow(StarYearNotSupportedError);
    expect(() => loadStarMethod(2031)).toThrow(/2031 is not supported; supported years: 2026/);
  });
});

describe('parseStarMethod', () => {
  it.each([
    ['a missing section', (raw: Json) => delete raw.weights, /star-method-2026\.json is invalid: weights: is missing/],
    ['a weight that is not whole', (raw: Json) => (at(raw, 'weights').C01 = 1.5), /weights\.C01: must be a whole number/],
    ['a listed measure without a weight', (raw: Json) => (raw.new_measures = ['C04', 'X99']), /new_measures: measure X99 has no weight/],
    ['a weighted measure in neither part', (raw: Json) => (at(raw, 'weights').C99 = 1), /weights: measure C99 is in neither/],
    [
      'a threshold with 7 decimals',
      (raw: Json) => (at(raw, 'reward_factor', 'thresholds', 'with_improvement/with_new_measures', 'overall').mean_p65 = 3.6493511),
      /with_improvement\/with_new_measures\.overall\.mean_p65: must have at most 6 decimal places/,
    ],
    [
      'a missing Table 8/9 row',
      (raw: Json) => delete at(raw, 'reward_factor', 'thresholds')['without_improvement/without_new_measures'],
      /reward_factor\.thresholds\.without_improvement\/without_new_measures: is missing/,
    ],
    ['a CAI category that is not a number', (raw: Json) => (at(raw, 'cai_by_final_adjustment_category', 'overall').x = 0.1), /category must be a whole number/],
    [
      'cut points out of order',
      (raw: Json) => (at(raw, 'measure_cut_points', 'C18').cut_points = { '2': 12, '3': 10, '4': 11, '5': 7 }),
      /measure_cut_points\.C18\.cut_points: cut points must fall from 2 to 5 stars/,
    ],
    ['a new-measure group with another measure', (raw: Json) => (at(raw, 'new_measure_hold_harmless').groups = [{ measures: ['C01'], disaster_year: 2023 }]), /measure C01 is not in new_measures/],
  ])('rejects %s, naming the file and the field', (_label, edit, message) => {
    const parse = parseWith(edit);
    expect(parse).toThrow(StarMethodFileError);
    expect(parse).toThrow(message);
  });

  it('rejects a file that is not a JSON object', () => {
    expect(() => parseStarMethod([], FILE)).toThrow(/star-method-2026\.json is invalid: must be an object/);
  });
});
