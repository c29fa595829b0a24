import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  catalogueFileName,
  loadMeasureCatalogue,
  MeasureCatalogueError,
  parseMeasureCatalogue,
} from 'src/modules/measures/measure-catalogue';
import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';

type RawMeasure = Record<string, unknown> & { code: string; cut_points: Record<string, number> };
type RawCatalogue = Record<string, unknown> & { measures: RawMeasure[] };

const shippedFile = join(__dirname, 'data', catalogueFileName(2026));
const shipped = (): RawCatalogue => JSON.parse(readFileSync(shippedFile, 'utf8')) as RawCatalogue;

function problemsOf(raw: unknown): string[] {
  try {
    parseMeasureCatalogue(raw, 2026, 'test.json');
  } catch (error) {
    if (error instanceof MeasureCatalogueError) return error.problems;
    throw error;
  }
  return [];
}

describe(loadMeasureCatalogue.name, () => {
  it('loads the 2026 catalogue with the 12 measures in order', () => {
    const catalogue = loadMeasureCatalogue(2026);
    expect(catalogue.star_year).toBe(2026);
    expect(catalogue.measures.map((measure) => measure.code)).toEqual(MEASURE_CODES);
  });

  it('carries the CMS 2026 facts for a Part C and a Part D measure', () => {
    const catalogue = loadMeasureCatalogue(2026);
    const gsd = catalogue.measures.find((measure) => measure.code === MeasureCode.Gsd);
    const supd = catalogue.measures.find((measure) => measure.code === MeasureCode.Supd);
    expect(gsd).toMatchObject({ cms_id: 'C12', weight: 3, cut_points: { two_star: 54, five_star: 91 } });
    expect(supd).toMatchObject({
      cms_id: 'D12',
      cut_points_org_type: 'MA-PD',
      cut_points: { two_star: 81, three_star: 85, four_star: 89, five_star: 93 },
      pdp_cut_points: { two_star: 82, three_star: 83, four_star: 84, five_star: 86 },
    });
  });

  it('labels every default intervention as an assumption', () => {
    const interventions = loadMeasureCatalogue(2026).measures.flatMap((measure) => measure.default_interventions);
    expect(interventions.length).toBeGreaterThan(12);
    expect(interventions.every((intervention) => intervention.is_assumption)).toBe(true);
  });

  it('returns a frozen catalogue', () => {
    const catalogue = loadMeasureCatalogue(2026);
    expect(Object.isFrozen(catalogue.measures[0].cut_points)).toBe(true);
  });

  it('names the missing file and where it looked for a Star year without a catalogue', () => {
    expect(() => loadMeasureCatalogue(2031)).toThrow(/measures-2031\.json[\s\S]*no catalogue for Star year 2031/);
  });

  it('rejects a Star year that is not a whole year', () => {
    expect(() => loadMeasureCatalogue(2026.5)).toThrow(MeasureCatalogueError);
  });

  it('names the file when it is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
    writeFileSync(join(dir, catalogueFileName(2026)), '{ not json');
    expect(() => loadMeasureCatalogue(2026, [dir])).toThrow(/measures-2026\.json is invalid[\s\S]*not readable JSON/);
  });
});

describe(parseMeasureCatalogue.name, () => {
  it('accepts the shipped file', () => {
    expect(problemsOf(shipped())).toEqual([]);
  });

  it('names the field path of a bad value', () => {
    const raw = shipped();
    raw.measures[2].cut_points.four_star = 140;
    expect(problemsOf(raw)).toContainEqual(expect.stringMatching(/^measures\.2\.cut_points\.four_star: /));
  });

  it('rejects unknown fields, so a typo cannot pass silently', () => {
    const raw = shipped();
    raw.measures[0].wieght = 1;
    expect(problemsOf(raw)).toContainEqual(expect.stringContaining('wieght'));
  });

  it('reports missing and duplicated measures', () => {
    const raw = shipped();
    raw.measures[1] = { ...raw.measures[0] };
    expect(problemsOf(raw)).toEqual(
      expect.arrayContaining(['measures is missing COL', 'measures lists BCS more than once']),
    );
  });

  it('rejects cut points out of order, a weight that contradicts its category, and a wrong Star year', () => {
    const raw = shipped();
    raw.measures[0].cut_points.three_star = 90;
    raw.measures[4].weight = 1;
    raw.star_year = 2025;
    expect(problemsOf(raw)).toEqual(
      expect.arrayContaining([
        'star_year is 2025 but the file is for Star year 2026',
        'measure BCS cut_points must rise strictly from two_star to five_star',
        'measure GSD: weight 1 does not match weighting_category intermediate_outcome',
      ]),
    );
  });

  it('requires PDP cut points on Part D measures only', () => {
    const raw = shipped();
    raw.measures[11].pdp_cut_points = null;
    expect(problemsOf(raw)).toContainEqual(expect.stringContaining('measure SUPD: Part D measures need'));
  });

  it('reports a missing nested object by its path', () => {
    const raw = shipped();
    delete raw.measures[3].contract_score_percentiles;
    expect(problemsOf(raw)).toContainEqual(expect.stringMatching(/^measures\.3\.contract_score_percentiles: /));
  });

  it('rejects a non-object top level', () => {
    expect(problemsOf([])).toEqual(['the top level must be a JSON object']);
  });
});
