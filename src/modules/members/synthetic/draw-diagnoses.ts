import { exp, max, min, sqrt } from 'src/modules/members/math';
import { dayNumber, isoDate } from 'src/modules/members/member-dates';
import { DiagnosesRecord, Sex } from 'src/modules/members/member-record';
import {
  BURDEN_LOADING,
  CKD_STAGE_MIX,
  CONDITION_PREVALENCE,
  NamedCondition,
  OTHER_CONDITIONS_MEAN,
  OTHER_CONDITIONS_SLOPE,
} from 'src/modules/members/synthetic/population-shape';
import { Random } from 'src/modules/members/synthetic/random';
import { normalQuantile, sigmoid } from 'src/modules/members/synthetic/statistics';

const THRESHOLDS = Object.fromEntries(
  Object.entries(CONDITION_PREVALENCE).map(([name, prevalence]) => [name, normalQuantile(1 - prevalence)]),
) as Record<NamedCondition, number>;
const NOISE_SCALE = sqrt(1 - BURDEN_LOADING * BURDEN_LOADING);

export interface DiagnosisInputs {
  age: number;
  sex: Sex;
  measurementYear: number;
  asOf: number;
  /** Latent disease burden, standard normal: drives clustering of conditions and frailty. */
  burden: number;
}

/**
 * Diagnoses for one member. Exclusion-type conditions (frailty, advanced illness, ESRD, ...) use
 * plausible rates rising with age and burden; they are not published figures.
 */
export function drawDiagnoses(rng: Random, inputs: DiagnosisInputs): DiagnosesRecord {
  const { age, sex, burden, measurementYear: year, asOf } = inputs;
  const has = (name: NamedCondition): boolean =>
    BURDEN_LOADING * burden + NOISE_SCALE * rng.normal() > THRESHOLDS[name];
  const hypertension = has('hypertension');
  const hyperlipidemia = has('hyperlipidemia');
  const ischemic = has('ischemicHeartDisease');
  const diabetes = has('diabetes');
  const ckd = has('chronicKidneyDisease');
  const heartFailure = has('heartFailure');
  const depression = has('depression');
  const ckdStage = ckd ? rng.pick(CKD_STAGE_MIX) : 0;
  const over65 = max(0, age - 65);
  const frailty = rng.chance(sigmoid(-3.6 + 0.075 * over65 + 0.6 * burden));
  const advancedIllness = rng.chance(sigmoid(-3.4 + 0.04 * over65 + 0.8 * burden + (frailty ? 0.8 : 0)));
  const female = sex === Sex.Female;

  return {
    diabetes,
    hypertension,
    hyperlipidemia,
    ischemic_vascular_disease: ischemic,
    ascvd_event_date: rng.chance(ischemic ? 0.09 : 0.004) ? ascvdEventDate(rng, year, asOf) : undefined,
    heart_failure: heartFailure,
    depression,
    ckd_stage: ckdStage,
    esrd: rng.chance(ckdStage === 5 ? 0.45 : ckdStage === 4 ? 0.03 : 0.002),
    fracture_date: rng.chance(fractureChance(age, female, frailty)) ? fractureDate(rng, year, asOf) : undefined,
    bilateral_mastectomy: female && rng.chance(0.006),
    colorectal_cancer_or_colectomy: rng.chance(0.012),
    frailty,
    advanced_illness: advancedIllness,
    palliative_care: rng.chance(advancedIllness ? 0.08 : 0.003),
    pregnancy: female && age >= 21 && age <= 45 && rng.chance(0.015),
    statin_intolerance: rng.chance(0.02),
    other_chronic_condition_count: min(
      30,
      rng.poisson(OTHER_CONDITIONS_MEAN * exp(OTHER_CONDITIONS_SLOPE * burden - OTHER_CONDITIONS_SLOPE ** 2 / 2)),
    ),
  };
}

/** Most recent MI/CABG/PCI: three in four last year (what SPC counts), the rest this year before as-of. */
function ascvdEventDate(rng: Random, year: number, asOf: number): string {
  const lastYear = rng.chance(0.75);
  const from = dayNumber(lastYear ? year - 1 : year, 1, 1);
  const to = lastYear ? dayNumber(year - 1, 12, 31) : asOf;
  return isoDate(rng.int(from, max(from, to)));
}

function fractureChance(age: number, female: boolean, frailty: boolean): number {
  const base = 0.018 + 0.0012 * max(0, age - 65) + (frailty ? 0.02 : 0);
  return female ? base : base / 2;
}

/** Seven in ten in OMW's intake period (1 July last year to 30 June), the rest in the year before it. */
function fractureDate(rng: Random, year: number, asOf: number): string {
  if (rng.chance(0.7)) {
    const from = dayNumber(year - 1, 7, 1);
    return isoDate(rng.int(from, max(from, min(asOf, dayNumber(year, 6, 30)))));
  }
  return isoDate(rng.int(dayNumber(year - 2, 7, 1), dayNumber(year - 1, 6, 30)));
}
