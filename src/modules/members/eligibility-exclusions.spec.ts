import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { eligibilityFor, evaluateEligibility } from 'src/modules/members/eligibility';
import { EligibilityReason as Reason, EligibilityStatus as Status } from 'src/modules/members/eligibility-status';
import { DrugClassFills, MemberRecord, SnpType } from 'src/modules/members/member-record';
import { agedOnDec31, MemberOverrides } from 'src/modules/members/testing/member-record.fixture';

const fills: DrugClassFills = {
  fills: 3,
  first_fill_date: '2026-01-10',
  days_covered: 150,
  pdc_to_date: 0.9,
  ninety_day_fills: 0,
  mail_order: false,
};
const PART_C = MEASURE_CODES.slice(0, 8);
const PART_D = MEASURE_CODES.slice(8);

function inEverything(age: number, overrides: MemberOverrides = {}): MemberRecord {
  return agedOnDec31(age, {
    ...overrides,
    diagnoses: {
      diabetes: true,
      hypertension: true,
      ischemic_vascular_disease: true,
      fracture_date: '2026-02-01',
      ...overrides.diagnoses,
    },
    pharmacy: { diabetes: fills, rasa: fills, statin: fills, ...overrides.pharmacy },
  });
}

/** The measures the member is excluded from for the given reason. */
function excludedFor(member: MemberRecord, reason: Reason): MeasureCode[] {
  return evaluateEligibility(member)
    .filter((result) => result.status === Status.Excluded && result.reason === reason)
    .map((result) => result.measure);
}

function excludedAtAll(member: MemberRecord): MeasureCode[] {
  return evaluateEligibility(member)
    .filter((result) => result.status === Status.Excluded)
    .map((result) => result.measure);
}

describe(`${evaluateEligibility.name} exclusions`, () => {
  it('hospice removes the member from all 12 measures', () => {
    expect(excludedFor(inEverything(70, { enrollment: { hospice: true } }), Reason.Hospice)).toEqual(MEASURE_CODES);
  });

  it('palliative care removes the member from the Part C measures only', () => {
    const member = inEverything(70, { diagnoses: { palliative_care: true } });
    expect(excludedFor(member, Reason.PalliativeCare)).toEqual(PART_C);
  });

  it.each<[string, MemberOverrides['enrollment']]>([
    ['an institutional SNP', { snp_type: SnpType.Institutional }],
    ['long-term care', { long_term_care: true }],
  ])('%s excludes from the Part C measures from age 66, not at 65', (_, enrollment) => {
    expect(excludedFor(inEverything(66, { enrollment }), Reason.InstitutionalOrLongTermCare)).toEqual(
      PART_C.filter((measure) => measure !== MeasureCode.Omw),
    );
    expect(excludedAtAll(inEverything(65, { enrollment }))).toEqual([]);
  });

  it('frailty with advanced illness excludes from 66, not at 65', () => {
    const frailIll = { frailty: true, advanced_illness: true };
    const { Bcs, Col, Eed, Gsd, Ked, Cbp, Spc } = MeasureCode;
    expect(excludedFor(inEverything(66, { diagnoses: frailIll }), Reason.FrailtyAndAdvancedIllness)).toEqual([
      Bcs, Col, Eed, Gsd, Ked, Cbp, Spc,
    ]);
    expect(excludedAtAll(inEverything(65, { diagnoses: frailIll }))).toEqual([]);
  });

  it('frailty alone excludes from CBP, KED and OMW from 81, not at 80', () => {
    const member = inEverything(81, { diagnoses: { frailty: true } });
    expect(excludedFor(member, Reason.Frailty81Plus)).toEqual([MeasureCode.Omw, MeasureCode.Ked, MeasureCode.Cbp]);
    expect(excludedAtAll(inEverything(80, { diagnoses: { frailty: true } }))).toEqual([]);
  });

  it('frailty with advanced illness at 80 still excludes from CBP, under the 66-80 rule', () => {
    const member = inEverything(80, { diagnoses: { frailty: true, advanced_illness: true } });
    expect(eligibilityFor(member, MeasureCode.Cbp).reason).toBe(Reason.FrailtyAndAdvancedIllness);
  });

  const { Bcs, Col, Ked, Cbp, Spc, Supd, PdcDr, PdcRasa } = MeasureCode;
  it.each<[string, MemberOverrides, Reason, MeasureCode[]]>([
    ['bilateral mastectomy', { diagnoses: { bilateral_mastectomy: true } }, Reason.BilateralMastectomy, [Bcs]],
    [
      'colorectal cancer or colectomy',
      { diagnoses: { colorectal_cancer_or_colectomy: true } },
      Reason.ColorectalCancerOrColectomy,
      [Col],
    ],
    ['ESRD or dialysis', { diagnoses: { esrd: true } }, Reason.EsrdOrDialysis, [Ked, Cbp, Spc, ...PART_D]],
    ['pregnancy', { diagnoses: { pregnancy: true } }, Reason.Pregnancy, [Cbp, Spc, Supd]],
    ['statin intolerance', { diagnoses: { statin_intolerance: true } }, Reason.StatinIntolerance, [Spc, Supd]],
    ['insulin', { pharmacy: { insulin_fills: 2 } }, Reason.InsulinUse, [PdcDr]],
    ['sacubitril/valsartan', { pharmacy: { sacubitril_valsartan: true } }, Reason.SacubitrilValsartan, [PdcRasa]],
  ])('%s excludes from exactly its measures', (_, overrides, reason, measures) => {
    const member = inEverything(70, overrides);
    expect(excludedFor(member, reason)).toEqual(measures);
    expect(excludedAtAll(member)).toEqual(measures);
  });

  it('reports the denominator reason before any exclusion', () => {
    const member = inEverything(80, { enrollment: { hospice: true } });
    expect(eligibilityFor(member, MeasureCode.Bcs)).toEqual({
      measure: MeasureCode.Bcs,
      status: Status.NotEligible,
      reason: Reason.AgeOutOfRange,
    });
  });
});
