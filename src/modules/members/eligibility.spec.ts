import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { eligibilityFor, eligibleMeasures, evaluateEligibility } from 'src/modules/members/eligibility';
import { EligibilityReason as Reason, EligibilityStatus as Status } from 'src/modules/members/eligibility-status';
import { DrugClassFills, MemberRecord, Sex } from 'src/modules/members/member-record';
import { agedOnDec31, MemberOverrides } from 'src/modules/members/testing/member-record.fixture';

const fills = (count: number, firstFill = '2026-01-10'): DrugClassFills => ({
  fills: count,
  first_fill_date: firstFill,
  days_covered: 150,
  pdc_to_date: 0.9,
  ninety_day_fills: 0,
  mail_order: false,
});

/** Qualifies for all 12 measures at 70: a woman with diabetes, hypertension, IVD, a fracture, three drug classes. */
function inEverything(age = 70, overrides: MemberOverrides = {}): MemberRecord {
  return agedOnDec31(age, {
    ...overrides,
    diagnoses: {
      diabetes: true,
      hypertension: true,
      ischemic_vascular_disease: true,
      fracture_date: '2026-02-01',
      ...overrides.diagnoses,
    },
    pharmacy: { diabetes: fills(3), rasa: fills(3), statin: fills(3), ...overrides.pharmacy },
  });
}

const outcome = (member: MemberRecord, measure: MeasureCode): [Status, Reason | null] => {
  const result = eligibilityFor(member, measure);
  return [result.status, result.reason];
};
const ELIGIBLE: [Status, null] = [Status.Eligible, null];
const tooYoungOrOld: [Status, Reason] = [Status.NotEligible, Reason.AgeOutOfRange];

describe(evaluateEligibility.name, () => {
  it('returns all 12 measures in catalogue order', () => {
    expect(evaluateEligibility(inEverything()).map((result) => result.measure)).toEqual(MEASURE_CODES);
  });

  it('puts the reference member in every measure', () => {
    expect(eligibleMeasures(inEverything())).toEqual(MEASURE_CODES);
  });

  describe('age boundaries (on 31 December of the measurement year)', () => {
    it.each([
      [MeasureCode.Bcs, 51, 52, 74, 75],
      [MeasureCode.Col, 49, 50, 75, 76],
      [MeasureCode.Omw, 66, 67, 85, 86],
      [MeasureCode.Eed, 17, 18, 75, 76],
      [MeasureCode.Gsd, 17, 18, 75, 76],
      [MeasureCode.Ked, 17, 18, 85, 86],
      [MeasureCode.Cbp, 17, 18, 85, 86],
      [MeasureCode.Spc, 39, 40, 75, 76],
      [MeasureCode.Supd, 39, 40, 75, 76],
    ])('%s: out at %i, in at %i and %i, out at %i', (measure, below, low, high, above) => {
      expect(outcome(inEverything(below), measure)).toEqual(tooYoungOrOld);
      expect(outcome(inEverything(low), measure)).toEqual(ELIGIBLE);
      expect(outcome(inEverything(high), measure)).toEqual(ELIGIBLE);
      expect(outcome(inEverything(above), measure)).toEqual(tooYoungOrOld);
    });

    const pdc = [MeasureCode.PdcDr, MeasureCode.PdcRasa, MeasureCode.PdcSta];
    it.each(pdc)('%s: out at 17, in at 18 and 100', (measure) => {
      expect(outcome(inEverything(17), measure)).toEqual(tooYoungOrOld);
      expect(outcome(inEverything(18), measure)).toEqual(ELIGIBLE);
      expect(outcome(inEverything(100), measure)).toEqual(ELIGIBLE);
    });

    it('uses the calendar year of birth, so a 31 December birthday already counts', () => {
      const member = inEverything(52);
      expect(outcome({ ...member, birth_date: '1974-12-31' }, MeasureCode.Bcs)).toEqual(ELIGIBLE);
      expect(outcome({ ...member, birth_date: '1975-01-01' }, MeasureCode.Bcs)).toEqual(tooYoungOrOld);
    });
  });

  describe('sex', () => {
    it.each([MeasureCode.Bcs, MeasureCode.Omw])('%s is for women only', (measure) => {
      const man = inEverything(70, { sex: Sex.Male });
      expect(outcome(man, measure)).toEqual([Status.NotEligible, Reason.SexNotInMeasure]);
    });

    it('SPC takes men from 21 and women from 40', () => {
      const man = (age: number): MemberRecord => inEverything(age, { sex: Sex.Male });
      expect(outcome(man(20), MeasureCode.Spc)).toEqual(tooYoungOrOld);
      expect(outcome(man(21), MeasureCode.Spc)).toEqual(ELIGIBLE);
      expect(outcome(man(75), MeasureCode.Spc)).toEqual(ELIGIBLE);
      expect(outcome(man(76), MeasureCode.Spc)).toEqual(tooYoungOrOld);
      expect(outcome(inEverything(21), MeasureCode.Spc)).toEqual(tooYoungOrOld);
      expect(outcome(inEverything(39), MeasureCode.Spc)).toEqual(tooYoungOrOld);
    });
  });

  describe('denominator conditions', () => {
    it('needs diabetes for EED, GSD and KED, and hypertension for CBP', () => {
      const member = inEverything(70, { diagnoses: { diabetes: false, hypertension: false } });
      for (const measure of [MeasureCode.Eed, MeasureCode.Gsd, MeasureCode.Ked]) {
        expect(outcome(member, measure)).toEqual([Status.NotEligible, Reason.NoDiabetes]);
      }
      expect(outcome(member, MeasureCode.Cbp)).toEqual([Status.NotEligible, Reason.NoHypertension]);
    });

    it.each([
      ['2025-06-30', Status.NotEligible],
      ['2025-07-01', Status.Eligible],
      ['2026-06-30', Status.Eligible],
      ['2026-07-01', Status.NotEligible],
    ])('OMW counts a fracture on %s only inside the July-June intake period', (fracture, status) => {
      expect(eligibilityFor(inEverything(70, { diagnoses: { fracture_date: fracture } }), MeasureCode.Omw).status).toBe(
        status,
      );
    });

    it('SPC needs IVD in both years or an ASCVD event in the year before', () => {
      const spc = (event: string | null): [Status, Reason | null] =>
        outcome(
          inEverything(70, { diagnoses: { ischemic_vascular_disease: false, ascvd_event_date: event } }),
          MeasureCode.Spc,
        );
      expect(spc(null)).toEqual([Status.NotEligible, Reason.NoAscvd]);
      expect(spc('2024-12-31')).toEqual([Status.NotEligible, Reason.NoAscvd]);
      expect(spc('2025-01-01')).toEqual(ELIGIBLE);
      expect(spc('2025-12-31')).toEqual(ELIGIBLE);
      expect(spc('2026-01-15')).toEqual([Status.NotEligible, Reason.NoAscvd]);
    });

    it('needs 11 or more months of enrolment for the Part C measures only', () => {
      const member = inEverything(70, { enrollment: { months_enrolled: 10 } });
      expect(outcome(member, MeasureCode.Col)).toEqual([Status.NotEligible, Reason.NotContinuouslyEnrolled]);
      expect(outcome(member, MeasureCode.PdcSta)).toEqual(ELIGIBLE);
      expect(outcome(inEverything(70, { enrollment: { months_enrolled: 11 } }), MeasureCode.Col)).toEqual(ELIGIBLE);
    });

    it('needs Part D for the Part D measures', () => {
      const member = inEverything(70, { enrollment: { part_d: false } });
      const partD = [MeasureCode.PdcDr, MeasureCode.PdcRasa, MeasureCode.PdcSta, MeasureCode.Supd];
      for (const measure of partD) expect(outcome(member, measure)).toEqual([Status.NotEligible, Reason.NoPartD]);
      expect(eligibleMeasures(member)).toEqual(MEASURE_CODES.filter((measure) => !partD.includes(measure)));
    });

    it('needs two fills, the first at least 91 days before year end, for the PDC measures', () => {
      const oneFill = inEverything(70, { pharmacy: { statin: fills(1) } });
      expect(outcome(oneFill, MeasureCode.PdcSta)).toEqual([Status.NotEligible, Reason.FewerThanTwoFills]);
      const lateStart = (date: string): MemberRecord =>
        inEverything(70, { as_of_date: '2026-12-31', pharmacy: { rasa: fills(2, date) } });
      expect(outcome(lateStart('2026-10-01'), MeasureCode.PdcRasa)).toEqual(ELIGIBLE);
      expect(outcome(lateStart('2026-10-02'), MeasureCode.PdcRasa)).toEqual([
        Status.NotEligible,
        Reason.TreatmentPeriodTooShort,
      ]);
    });

    it('SUPD counts insulin fills toward the two diabetes fills; PDC-DR does not', () => {
      const member = inEverything(70, { pharmacy: { diabetes: fills(1), insulin_fills: 1 } });
      expect(outcome(member, MeasureCode.Supd)).toEqual(ELIGIBLE);
      expect(outcome(member, MeasureCode.PdcDr)).toEqual([Status.NotEligible, Reason.FewerThanTwoFills]);
    });
  });
});
