import { MeasureCode } from 'src/modules/measures/measure-code';
import { MemberRecord, StatinIntensity } from 'src/modules/members/member-record';
import { numeratorMetToDate } from 'src/modules/members/numerator-status';
import { aMember, MemberOverrides } from 'src/modules/members/testing/member-record.fixture';

const met = (measure: MeasureCode, overrides: MemberOverrides): boolean =>
  numeratorMetToDate(aMember(overrides))[measure];
const history = (service_history: MemberOverrides['service_history']): MemberOverrides => ({ service_history });

describe(numeratorMetToDate.name, () => {
  it('finds nothing met on an empty record', () => {
    const none: MemberRecord = aMember();
    expect(Object.values(numeratorMetToDate(none)).some(Boolean)).toBe(false);
  });

  it.each([
    ['2024-09-30', false],
    ['2024-10-01', true],
  ])('BCS counts a mammogram on %s: %s (27-month look-back)', (date, expected) => {
    expect(met(MeasureCode.Bcs, history({ last_mammogram_date: date }))).toBe(expected);
  });

  it.each([
    ['last_colonoscopy_date', '2016-12-31', false],
    ['last_colonoscopy_date', '2017-01-01', true],
    ['last_ct_colonography_date', '2021-12-31', false],
    ['last_ct_colonography_date', '2022-01-01', true],
    ['last_sigmoidoscopy_date', '2022-01-01', true],
    ['last_fit_dna_date', '2023-12-31', false],
    ['last_fit_dna_date', '2024-01-01', true],
    ['last_fit_date', '2025-12-31', false],
    ['last_fit_date', '2026-01-01', true],
  ])('COL counts %s on %s: %s', (field, date, expected) => {
    expect(met(MeasureCode.Col, history({ [field]: date }))).toBe(expected);
  });

  it.each([
    [{ service_history: { last_bone_density_date: '2026-07-31' } }, true],
    [{ service_history: { last_bone_density_date: '2026-08-01' } }, false],
    [{ service_history: { last_bone_density_date: '2026-01-31' } }, false],
    [{ pharmacy: { last_osteoporosis_drug_date: '2026-02-01' } }, true],
  ])('OMW needs a BMD test or drug within 180 days of a 2026-02-01 fracture (%j: %s)', (overrides, expected) => {
    expect(met(MeasureCode.Omw, { ...overrides, diagnoses: { fracture_date: '2026-02-01' } })).toBe(expected);
  });

  it('EED counts an exam this year, or a negative one last year', () => {
    expect(met(MeasureCode.Eed, history({ last_retinal_exam_date: '2026-03-01' }))).toBe(true);
    const lastYear = (negative: boolean): MemberOverrides =>
      history({ last_retinal_exam_date: '2025-03-01', last_retinal_exam_negative: negative });
    expect(met(MeasureCode.Eed, lastYear(true))).toBe(true);
    expect(met(MeasureCode.Eed, lastYear(false))).toBe(false);
  });

  it.each([
    [9.0, '2026-03-01', true],
    [9.1, '2026-03-01', false],
    [6.5, '2025-12-01', false],
  ])('GSD: HbA1c %d on %s is controlled: %s', (value, date, expected) => {
    expect(met(MeasureCode.Gsd, history({ last_hba1c_value: value, last_hba1c_date: date }))).toBe(expected);
  });

  it('KED needs both an eGFR and a uACR this year', () => {
    expect(met(MeasureCode.Ked, history({ last_egfr_date: '2026-02-01', last_uacr_date: '2026-03-01' }))).toBe(true);
    expect(met(MeasureCode.Ked, history({ last_egfr_date: '2026-02-01', last_uacr_date: '2025-03-01' }))).toBe(false);
  });

  it.each([
    [139, 89, true],
    [140, 80, false],
    [130, 90, false],
  ])('CBP: %i/%i is controlled: %s', (systolic, diastolic, expected) => {
    const reading = { last_bp_systolic: systolic, last_bp_diastolic: diastolic, last_bp_date: '2026-05-01' };
    expect(met(MeasureCode.Cbp, history(reading))).toBe(expected);
  });

  it('SPC needs a moderate or high intensity statin; SUPD any statin', () => {
    const statin = (intensity: StatinIntensity): MemberOverrides => ({
      pharmacy: {
        statin_intensity: intensity,
        statin: {
          fills: 1,
          first_fill_date: '2026-02-01',
          last_fill_date: '2026-02-01',
          days_covered: 30,
          pdc_to_date: 0.2,
          ninety_day_fills: 0,
          mail_order: false,
        },
      },
    });
    expect(met(MeasureCode.Spc, statin(StatinIntensity.Moderate))).toBe(true);
    expect(met(MeasureCode.Spc, statin(StatinIntensity.Low))).toBe(false);
    expect(met(MeasureCode.Supd, statin(StatinIntensity.Low))).toBe(true);
  });

  it.each([
    [0.8, true],
    [0.79, false],
  ])('PDC to date of %d meets the threshold: %s', (pdc, expected) => {
    const rasa = { fills: 4, days_covered: 100, pdc_to_date: pdc, ninety_day_fills: 0, mail_order: false };
    expect(met(MeasureCode.PdcRasa, { pharmacy: { rasa } })).toBe(expected);
  });
});
