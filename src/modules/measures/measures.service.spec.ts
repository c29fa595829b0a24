import { NotFoundError } from 'src/common/errors/domain-error';
import { Environment } from 'src/config/environment';
import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { MeasuresService } from 'src/modules/measures/measures.service';

function serviceFor(starYear?: number): MeasuresService {
  const env = new Environment();
  if (starYear !== undefined) env.STAR_YEAR = starYear;
  return new MeasuresService(env);
}

describe(MeasuresService.name, () => {
  it('uses Star year 2026 when STAR_YEAR is not set', () => {
    expect(serviceFor().starYear).toBe(2026);
  });

  it('lists the 12 measures', () => {
    expect(serviceFor(2026).list().map((measure) => measure.code)).toEqual(MEASURE_CODES);
  });

  it('finds a measure by code, case-insensitively', () => {
    const service = serviceFor(2026);
    expect(service.get('PDC-DR').code).toBe(MeasureCode.PdcDr);
    expect(service.get('pdc-dr').cms_id).toBe('D08');
  });

  it('throws NotFoundError listing the valid codes, without echoing the request', () => {
    expect.assertions(4);
    try {
      serviceFor(2026).get('XYZ-123');
    } catch (error) {
      expect(error).toBeInstanceOf(NotFoundError);
      const notFound = error as NotFoundError;
      expect(notFound.detail).toContain('BCS, COL, OMW');
      expect(notFound.detail).not.toContain('XYZ-123');
      expect(notFound.extensions).toEqual({ valid_codes: [...MEASURE_CODES] });
    }
  });

  it('fails at construction when the Star year has no catalogue', () => {
    expect(() => serviceFor(2019)).toThrow(/measures-2019\.json/);
  });
});
