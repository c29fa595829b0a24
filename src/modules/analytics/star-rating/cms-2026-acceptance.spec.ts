import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CmsContract, readCmsDataTables } from 'src/modules/analytics/star-rating/cms-data-tables';
import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';
import { rateContract } from 'src/modules/analytics/star-rating/summary-rating';
import { ContractStarRating, SummaryRating } from 'src/modules/analytics/star-rating/star-rating.types';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'cms2026');
const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

type Key = 'partC' | 'partD' | 'overall';
const KEYS: readonly Key[] = ['partC', 'partD', 'overall'];

/** How many numeric ratings CMS published on Oct 8 2025, so a parsing slip cannot shrink the test. */
const PUBLISHED_NUMERIC: Record<Key, number> = { partC: 524, partD: 613, overall: 516 };

/**
 * Contracts CMS rated although their published measure stars fall short of the documented minimum
 * (stars in half of the required measures). The tables do not carry what CMS used to rate them (the
 * same set of rated Part D measures is rated for H8067 and "not enough data" for H8967); the engine
 * still reproduces each of these ratings in `computedStars`.
 */
const PART_C_RATED_BELOW_MINIMUM = [
  'H1119', 'H2392', 'H2400', 'H3800', 'H4054', 'H4172', 'H5015', 'H5374',
  'H6765', 'H6832', 'H7779', 'H8093', 'H9153', 'H9191', 'H9590', 'H9942',
];
const RATED_BELOW_MINIMUM: Record<Key, readonly string[]> = {
  partC: PART_C_RATED_BELOW_MINIMUM,
  partD: ['H8067'],
  // An overall rating needs both summaries, so these follow the Part C list.
  overall: PART_C_RATED_BELOW_MINIMUM,
};

const isNumeric = (label: string): boolean => /^\d(\.5)?$/.test(label);

describe('CMS 2026 Star Ratings acceptance (data tables of Oct 8 2025)', () => {
  const method = loadStarMethod(2026);
  const contracts: CmsContract[] = readCmsDataTables(method, {
    measureStars: read('measure-stars.csv'),
    summaryRatings: read('summary-ratings.csv'),
    cai: read('cai.csv'),
  });
  const rated: { contract: CmsContract; rating: ContractStarRating }[] = contracts.map((contract) => ({
    contract,
    rating: rateContract(method, contract.input),
  }));
  const pick = (rating: ContractStarRating, key: Key): SummaryRating => rating[key];

  it('reads every contract of the three tables', () => {
    expect(contracts).toHaveLength(769);
  });

  it.each(KEYS)('reproduces every numeric %s rating CMS published', (key) => {
    const numeric = rated.filter(({ contract }) => isNumeric(contract.published[key]));
    const mismatches = numeric
      .filter(({ contract, rating }) => pick(rating, key).computedStars !== Number(contract.published[key]))
      .map(({ contract, rating }) => `${contract.input.contractId}: CMS ${contract.published[key]}, engine ${pick(rating, key).computedStars}`);
    const belowMinimum = numeric
      .filter(({ rating }) => pick(rating, key).status !== 'rated')
      .map(({ contract }) => contract.input.contractId);

    process.stdout.write(
      `CMS 2026 ${key}: ${numeric.length - mismatches.length}/${numeric.length} numeric ratings reproduced; ` +
        `${numeric.length - belowMinimum.length} of them also meet the documented minimum, ` +
        `${belowMinimum.length} were rated by CMS below it${belowMinimum.length ? ` (${belowMinimum.join(', ')})` : ''}\n`,
    );
    expect(mismatches).toEqual([]);
    expect(numeric).toHaveLength(PUBLISHED_NUMERIC[key]);
    expect(belowMinimum).toEqual(RATED_BELOW_MINIMUM[key]);
  });

  it('exercises both hold-harmless rules on the published ratings', () => {
    const chosen = new Map<string, number>();
    for (const { contract, rating } of rated) {
      for (const key of KEYS) {
        const pass = pick(rating, key).chosenPass;
        if (!isNumeric(contract.published[key]) || pass === null) continue;
        chosen.set(`${key}/${pass}`, (chosen.get(`${key}/${pass}`) ?? 0) + 1);
      }
    }
    const lines = [...chosen.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, count]) => `${name} ${count}`);
    process.stdout.write(`CMS 2026 chosen passes: ${lines.join('; ')}\n`);
    expect(chosen.get('overall/without_improvement')).toBeGreaterThan(0);
    expect([...chosen.keys()].some((name) => name.endsWith('without_new_measures'))).toBe(true);
  });

  it.each(KEYS)('gives a %s rating only where CMS published one, and the same one', (key) => {
    const disagreements = rated
      .filter(({ rating }) => pick(rating, key).status === 'rated')
      .filter(({ contract, rating }) => contract.published[key] !== String(pick(rating, key).stars))
      .map(({ contract }) => contract.input.contractId);
    expect(disagreements).toEqual([]);
  });

  it.each(KEYS)('marks %s not applicable exactly where CMS does', (key) => {
    const disagreements = rated
      .filter(({ contract, rating }) => (contract.published[key] === 'Not Applicable') !== (pick(rating, key).status === 'not_applicable'))
      .map(({ contract }) => contract.input.contractId);
    expect(disagreements).toEqual([]);
  });
});
