import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CmsContract, readCmsDataTables } from 'src/modules/analytics/star-rating/cms-data-tables';
import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';

const FIXTURES = join(__dirname, '..', 'fixtures', 'cms2026');

/** CMS's 2026 contracts with their published ratings (test/fixtures/cms2026, the Oct 8 2025 data tables). */
export function cmsContracts(): CmsContract[] {
  const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
  return readCmsDataTables(loadStarMethod(2026), {
    measureStars: read('measure-stars.csv'),
    summaryRatings: read('summary-ratings.csv'),
    cai: read('cai.csv'),
  });
}

/** A CMS contract as a `POST /analytics/star-rating/calculate` body. */
export function calculateBody(contract: CmsContract): Record<string, unknown> {
  const { input } = contract;
  const numeric = (id: string) => typeof input.measures[id] === 'number';
  const fac = input.finalAdjustmentCategory;
  return {
    contract_id: input.contractId,
    rated_as: input.contractType,
    snp: ['C07', 'C08', 'C09'].some(numeric),
    puerto_rico_only: input.puertoRicoOnly,
    measure_stars: input.measures,
    cai: {
      ...(input.contractType !== 'pdp' && fac.partC !== undefined && { part_c: fac.partC }),
      ...(input.contractType !== 'ma_only' && fac.partD !== undefined && { part_d: fac.partD }),
      ...(input.contractType === 'ma_pd' && fac.overall !== undefined && { overall: fac.overall }),
    },
    disaster_percent: Object.fromEntries(Object.entries(input.disasterPercentByYear).map(([y, p]) => [y, p])),
  };
}

/** Measures an MA-PD contract without SNPs reports besides the 12 the product predicts. */
export const OTHER_MA_PD_MEASURES = [
  'C03', 'C04', 'C05', 'C06', 'C15', 'C16', 'C17', 'C18', 'C20', 'C21', 'C22', 'C23', 'C24', 'C25', 'C26',
  'C27', 'C28', 'C29', 'C30', 'C31', 'C32', 'C33', 'D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D11',
];

/** A plausible MA-PD profile: 4 stars on every measure the product does not predict. */
export function profileBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    contract_id: 'H1234',
    rated_as: 'ma_pd',
    snp: false,
    puerto_rico_only: false,
    measure_stars: Object.fromEntries(OTHER_MA_PD_MEASURES.map((id) => [id, 4])),
    cai: { part_c: 4, part_d: 3, overall: 5 },
    disaster_percent: { '2023': 0, '2024': 0 },
    enrollment: 10000,
    benchmark_pmpm_cents: 110000,
    bid_pmpm_cents: 95000,
    double_bonus_share: 0,
    new_plan: false,
    ...overrides,
  };
}
