import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { evaluateEligibility } from 'src/modules/members/eligibility';
import {
  buildFeatures,
  buildFeatureVectors,
  FEATURE_DEFINITIONS,
  FEATURE_LIST_VERSION,
  FEATURE_NAMES,
  namedFeatures,
} from 'src/modules/members/features';
import { MemberRecord } from 'src/modules/members/member-record';
import { aMember } from 'src/modules/members/testing/member-record.fixture';

const feature = (member: MemberRecord, measure: MeasureCode, name: string): number =>
  namedFeatures(buildFeatures(member, measure))[name];

/** A record that throws if anything reads a member id from it. */
function withoutIdAccess(member: MemberRecord): MemberRecord {
  return new Proxy(member, {
    get(target, property, receiver) {
      if (property === 'member_id') throw new Error('member_id was read');
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

describe(buildFeatures.name, () => {
  it('gives every measure a fixed, named vector of finite numbers', () => {
    for (const vector of buildFeatureVectors(aMember())) {
      expect(vector.version).toBe(FEATURE_LIST_VERSION);
      expect(vector.names).toBe(FEATURE_NAMES[vector.measure]);
      expect(vector.values).toHaveLength(vector.names.length);
      expect(vector.values.every(Number.isFinite)).toBe(true);
    }
  });

  it('has unique, snake_case, documented names per measure', () => {
    for (const measure of MEASURE_CODES) {
      const names = FEATURE_NAMES[measure];
      expect(new Set(names).size).toBe(names.length);
      expect(names.every((name) => /^[a-z][a-z0-9_]*$/.test(name))).toBe(true);
      expect(FEATURE_DEFINITIONS[measure].every((definition) => definition.description.length > 10)).toBe(true);
    }
  });

  it('starts every vector with the same common drivers', () => {
    const common = FEATURE_NAMES[MeasureCode.Bcs].slice(0, FEATURE_NAMES[MeasureCode.Bcs].indexOf('met_to_date') + 1);
    for (const measure of MEASURE_CODES) expect(FEATURE_NAMES[measure].slice(0, common.length)).toEqual(common);
  });

  it('never reads member_id, in features or eligibility', () => {
    const member = withoutIdAccess(aMember());
    expect(() => buildFeatureVectors(member)).not.toThrow();
    expect(() => evaluateEligibility(member)).not.toThrow();
  });

  it('reads prior-year status for the measure asked for only', () => {
    const member = aMember({ prior_year_compliance: { pdc_sta: true, bcs: false } });
    expect(feature(member, MeasureCode.PdcSta, 'prior_year_compliant')).toBe(1);
    expect(feature(member, MeasureCode.Bcs, 'prior_year_compliant')).toBe(0);
    expect(feature(member, MeasureCode.Bcs, 'prior_year_known')).toBe(1);
    expect(feature(member, MeasureCode.Col, 'prior_year_known')).toBe(0);
  });

  it('computes days since, the current status and the days left in the year', () => {
    const member = aMember({ service_history: { last_mammogram_date: '2025-06-30' } });
    const values = namedFeatures(buildFeatures(member, MeasureCode.Bcs));
    expect(values).toMatchObject({ days_since_last_mammogram: 365, never_mammogram: 0, met_to_date: 1 });
    expect(values.days_left_in_year).toBe(184);
    expect(feature(aMember(), MeasureCode.Bcs, 'days_since_last_mammogram')).toBe(3650);
  });

  it('counts named and other chronic conditions together', () => {
    const member = aMember({
      diagnoses: {
        diabetes: true,
        hypertension: true,
        ckd_stage: 3,
        depression: true,
        other_chronic_condition_count: 2,
      },
    });
    expect(feature(member, MeasureCode.Col, 'chronic_condition_count')).toBe(6);
  });

  it('tells a PDC model when 80% is out of reach', () => {
    const rasa = {
      fills: 3,
      first_fill_date: '2026-01-01',
      last_fill_date: '2026-05-20',
      last_days_supply: 30,
      days_covered: 100,
      pdc_to_date: 0.55,
      ninety_day_fills: 1,
      mail_order: true,
    };
    const values = namedFeatures(buildFeatures(aMember({ pharmacy: { rasa } }), MeasureCode.PdcRasa));
    // (100 covered + 184 days left) / 365-day treatment period
    expect(values.max_achievable_pdc).toBeCloseTo(284 / 365, 6);
    expect(values).toMatchObject({ days_of_supply_left: -11, days_since_last_fill: 41, mail_order: 1 });
    expect(values.ninety_day_fill_share).toBeCloseTo(1 / 3, 6);
  });

  it('reports an HbA1c value only when it was taken this year', () => {
    const lastYear = aMember({ service_history: { last_hba1c_value: 8.2, last_hba1c_date: '2025-11-01' } });
    const thisYear = aMember({ service_history: { last_hba1c_value: 8.2, last_hba1c_date: '2026-02-01' } });
    expect(feature(lastYear, MeasureCode.Gsd, 'last_hba1c_value')).toBe(0);
    expect(feature(thisYear, MeasureCode.Gsd, 'last_hba1c_value')).toBe(8.2);
  });

  it('gives SUPD the latest LDL only when the panel was this year, and its age either way', () => {
    const lastYear = aMember({ service_history: { last_ldl_value: 131, last_ldl_date: '2025-12-01' } });
    const thisYear = aMember({ service_history: { last_ldl_value: 131, last_ldl_date: '2026-06-10' } });
    expect(namedFeatures(buildFeatures(lastYear, MeasureCode.Supd))).toMatchObject({ last_ldl_value: 0, days_since_last_ldl: 211 });
    expect(namedFeatures(buildFeatures(thisYear, MeasureCode.Supd))).toMatchObject({ last_ldl_value: 131, days_since_last_ldl: 20 });
    expect(feature(aMember(), MeasureCode.Supd, 'days_since_last_ldl')).toBe(3650);
  });
});
