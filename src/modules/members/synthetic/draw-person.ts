import { exp, floor, log, max, min, round } from 'src/modules/members/math';
import { dayNumber, isoDate } from 'src/modules/members/member-dates';
import {
  DiagnosesRecord,
  EnrollmentRecord,
  Sex,
  SnpType,
  UtilizationRecord,
} from 'src/modules/members/member-record';
import { drawDiagnoses } from 'src/modules/members/synthetic/draw-diagnoses';
import { PlanProfile } from 'src/modules/members/synthetic/plan-archetype';
import { AGE_BANDS_65_PLUS } from 'src/modules/members/synthetic/population-shape';
import { Random } from 'src/modules/members/synthetic/random';
import { clamp, sigmoid } from 'src/modules/members/synthetic/statistics';

/** Everything about a member except care history, pharmacy and last year's results. */
export interface Person {
  birth_date: string;
  sex: Sex;
  age: number;
  enrollment: EnrollmentRecord;
  diagnoses: DiagnosesRecord;
  utilization: UtilizationRecord;
  /** Latent disease burden, standard normal; never written out. */
  burden: number;
  /** Latent engagement with care, standard normal, shared by every measure; never written out. */
  engagement: number;
}

export function drawPerson(rng: Random, plan: PlanProfile, measurementYear: number, asOf: number): Person {
  const under65 = rng.chance(plan.under65Share);
  const age = under65 ? 64 - floor(39 * rng.next() ** 2) : drawAge65Plus(rng);
  const sex = rng.chance(under65 ? 0.48 : clamp(0.5 + 0.006 * (age - 65), 0.5, 0.75)) ? Sex.Female : Sex.Male;
  const disabled = under65 || rng.chance((plan.disabledShare - plan.under65Share) / (1 - plan.under65Share));
  // Disabled members are half again as likely to have LIS/dual status; the divisor keeps the plan share.
  const lisDualChance = (plan.lisDualShare * (disabled ? 1.5 : 1)) / (1 + 0.5 * plan.disabledShare);
  const lisDual = rng.chance(clamp(lisDualChance, 0, 0.95));
  const burden = rng.normal();
  const diagnoses = drawDiagnoses(rng, { age, sex, measurementYear, asOf, burden });
  const over65 = max(0, age - 65);
  const hospice = rng.chance(sigmoid(-5.5 + 0.05 * over65 + 0.6 * burden));
  const longTermCare = rng.chance(sigmoid(-5 + 0.07 * over65 + 0.5 * burden + (diagnoses.frailty ? 1.2 : 0)));
  const birthYearStart = dayNumber(measurementYear - age, 1, 1);

  return {
    birth_date: isoDate(rng.int(birthYearStart, dayNumber(measurementYear - age, 12, 31))),
    sex,
    age,
    enrollment: {
      part_d: rng.chance(0.96),
      lis_dual_eligible: lisDual,
      disabled,
      snp_type: drawSnpType(rng, longTermCare, lisDual, diagnoses),
      long_term_care: longTermCare,
      hospice,
      months_enrolled: rng.pick<number>([
        [12, 0.94],
        [11, 0.03],
        [rng.int(1, 10), 0.03],
      ]),
    },
    diagnoses,
    utilization: drawUtilization(rng, plan, burden, lisDual),
    burden,
    engagement: rng.normal(),
  };
}

function drawAge65Plus(rng: Random): number {
  const [first, last] = rng.pick(AGE_BANDS_65_PLUS.map((band) => [band, band[2]] as const));
  return rng.int(first, last);
}

function drawSnpType(rng: Random, longTermCare: boolean, lisDual: boolean, diagnoses: DiagnosesRecord): SnpType {
  if (longTermCare && rng.chance(0.4)) return SnpType.Institutional;
  if (lisDual && rng.chance(0.45)) return SnpType.DualEligible;
  if ((diagnoses.diabetes || diagnoses.heart_failure) && rng.chance(0.05)) return SnpType.ChronicCondition;
  return SnpType.None;
}

function drawUtilization(rng: Random, plan: PlanProfile, burden: number, lisDual: boolean): UtilizationRecord {
  const assigned = rng.chance(plan.assignedPcpShare - (lisDual ? 0.05 : 0));
  const distanceKnown = rng.chance(0.8);
  return {
    pcp_visits: min(366, rng.poisson(plan.meanPcpVisits * exp(0.3 * burden - 0.045) * (assigned ? 1.08 : 0.6))),
    has_assigned_pcp: assigned,
    ed_visits: min(366, rng.poisson(0.32 * exp(0.55 * burden - 0.15) * (lisDual ? 1.4 : 1))),
    inpatient_stays: min(366, rng.poisson(0.14 * exp(0.65 * burden - 0.21))),
    distance_to_pcp_miles: distanceKnown
      ? round(clamp(exp(log(6) + 0.8 * rng.normal()), 0.2, 150) * 10) / 10
      : undefined,
  };
}
