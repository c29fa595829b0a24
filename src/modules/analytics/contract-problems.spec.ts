import { toContractStarInput } from 'src/modules/analytics/contract-parts';
import { caiProblems, disasterProblems, measureStarsProblems } from 'src/modules/analytics/contract-problems';
import { RatedAs } from 'src/modules/analytics/rated-as';
import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';

const method = loadStarMethod(2026);
const fields = (problems: { field: string }[]) => problems.map((problem) => problem.field);

describe(measureStarsProblems.name, () => {
  it('accepts whole stars and not-rated reasons for the contract type', () => {
    expect(measureStarsProblems(method, RatedAs.MaPd, false, { C01: 1, D12: 5, C16: 'too_small', C07: 'not_required' })).toEqual([]);
  });

  it('rejects fractional, out-of-range and unknown values, naming the measure', () => {
    expect(fields(measureStarsProblems(method, RatedAs.MaPd, false, { C01: 0, C02: 4.5, C03: 'maybe', C04: null }))).toEqual([
      'measure_stars.C01',
      'measure_stars.C02',
      'measure_stars.C03',
      'measure_stars.C04',
    ]);
  });

  it('reports unknown measure ids once, without naming them', () => {
    const problems = measureStarsProblems(method, RatedAs.MaPd, false, { X1: 4, 'member 123': 3, C01: 4 });
    expect(problems).toEqual([{ field: 'measure_stars', message: expect.stringContaining('C01-C33, D01-D12') }]);
  });

  it('rejects stars on another Part but lets a not-rated reason through (CMS lists all 45 measures)', () => {
    expect(fields(measureStarsProblems(method, RatedAs.Pdp, false, { C01: 4, C02: 'not_required', D08: 3 }))).toEqual(['measure_stars.C01']);
    expect(fields(measureStarsProblems(method, RatedAs.MaOnly, false, { D08: 3 }))).toEqual(['measure_stars.D08']);
  });

  it('allows SNP-only measures only for contracts with SNPs', () => {
    expect(fields(measureStarsProblems(method, RatedAs.MaPd, false, { C07: 4, C08: 3, C09: 'no_data' }))).toEqual([
      'measure_stars.C07',
      'measure_stars.C08',
    ]);
    expect(measureStarsProblems(method, RatedAs.MaPd, true, { C07: 4, C08: 3 })).toEqual([]);
  });

  it('reports reserved measures with the caller\'s reason', () => {
    const reserved = new Map([['C01', 'comes from stored data']]);
    expect(measureStarsProblems(method, RatedAs.MaPd, false, { C01: 4 }, reserved)).toEqual([
      { field: 'measure_stars.C01', message: 'comes from stored data' },
    ]);
  });
});

describe(caiProblems.name, () => {
  it('takes categories that exist for each rating of the contract type', () => {
    expect(caiProblems(method, RatedAs.MaPd, { part_c: 8, part_d: 6, overall: 9 })).toEqual([]);
    expect(caiProblems(method, RatedAs.Pdp, { part_d: 3 })).toEqual([]);
  });

  it('rejects categories past the table and ratings the contract does not have', () => {
    expect(fields(caiProblems(method, RatedAs.MaPd, { part_d: 7 }))).toEqual(['cai.part_d']);
    expect(fields(caiProblems(method, RatedAs.Pdp, { part_c: 1, part_d: 4, overall: 2 }))).toEqual(['cai.part_c', 'cai.part_d', 'cai.overall']);
    expect(fields(caiProblems(method, RatedAs.MaOnly, { part_d: 1 }))).toEqual(['cai.part_d']);
  });
});

describe(disasterProblems.name, () => {
  it('takes four-digit years and percentages', () => {
    expect(disasterProblems({ '2023': 0, '2024': 100 })).toEqual([]);
    expect(fields(disasterProblems({ '2024': -1, '2023': '5', twenty: 3 })).sort()).toEqual([
      'disaster_percent',
      'disaster_percent.2023',
      'disaster_percent.2024',
    ]);
  });
});

describe(toContractStarInput.name, () => {
  const parts = {
    contractId: null,
    ratedAs: RatedAs.MaPd,
    snp: false,
    puertoRicoOnly: false,
    measureStars: { C03: 4 },
    cai: { overall: 5 },
    disasterPercent: { '2024': 30 },
  };

  it('marks SNP-only measures not required for a contract without SNPs, and lets extra outcomes win', () => {
    const input = toContractStarInput(method, parts, { C01: 5, C03: 2 });
    expect(input.measures).toEqual({ C07: 'not_required', C08: 'not_required', C09: 'not_required', C03: 2, C01: 5 });
    expect(input.disasterPercentByYear).toEqual({ 2024: 30 });
    expect(input.finalAdjustmentCategory).toEqual({ overall: 5 });
  });

  it('leaves SNP measures to the contract when it has SNPs', () => {
    expect(toContractStarInput(method, { ...parts, snp: true }).measures).toEqual({ C03: 4 });
  });
});
