import { log, min } from 'src/modules/members/math';
import { chronicConditionCount } from 'src/modules/members/features/common-features';
import { DrugClass, StatinIntensity } from 'src/modules/members/member-record';
import { Person } from 'src/modules/members/synthetic/draw-person';
import { DriverInputs, driverScore, MeasureFamily } from 'src/modules/members/synthetic/drivers';
import { FillPlan } from 'src/modules/members/synthetic/fill-simulation';
import { PlanProfile } from 'src/modules/members/synthetic/plan-archetype';
import { Random, streamSeed } from 'src/modules/members/synthetic/random';
import { sigmoid } from 'src/modules/members/synthetic/statistics';

/** Who takes what this year, decided before any fill is simulated. */
export interface PharmacyPlan {
  fills: Partial<Record<DrugClass, FillPlan>>;
  mailOrder: boolean;
  ninetyDayShare: number;
  prescribers: number;
  insulinFills: number;
  statinIntensity: StatinIntensity;
  sacubitrilValsartan: boolean;
}

const FILL_STREAM: Record<DrugClass, number> = { diabetes: 11, rasa: 12, statin: 13 };

export function driverInputsOf(
  person: Person,
  pharmacy: Pick<PharmacyPlan, 'mailOrder' | 'ninetyDayShare' | 'prescribers'>,
): DriverInputs {
  return {
    age: person.age,
    lisDual: person.enrollment.lis_dual_eligible,
    disabled: person.enrollment.disabled,
    pcpVisits: person.utilization.pcp_visits,
    assignedPcp: person.utilization.has_assigned_pcp,
    edVisits: person.utilization.ed_visits,
    inpatientStays: person.utilization.inpatient_stays,
    chronicConditions: chronicConditionCount(person.diagnoses),
    depression: person.diagnoses.depression,
    distanceMiles: person.utilization.distance_to_pcp_miles ?? null,
    mailOrder: pharmacy.mailOrder,
    ninetyDayShare: pharmacy.ninetyDayShare,
    prescribers: pharmacy.prescribers,
  };
}

/**
 * Drug use for one member. Rates of use among members with the indication are plausible assumptions
 * (about 60% of people with hypertension on a RAS antagonist, 70% with IVD on a statin, ...).
 */
export function drawPharmacyPlan(
  rng: Random,
  person: Person,
  plan: PlanProfile,
  days: YearDays,
  ids: MemberIds,
): PharmacyPlan {
  const d = person.diagnoses;
  const mailOrder = person.enrollment.part_d && rng.chance(plan.mailOrderShare);
  const ninetyDayShare = rng.pick<number>([
    [0, mailOrder ? 0.2 : 0.55],
    [0.5, 0.15],
    [1, mailOrder ? 0.65 : 0.3],
  ]);
  const prescribers = person.enrollment.part_d ? min(15, 1 + rng.poisson(0.3 + 0.35 * chronicConditionCount(d))) : 0;
  const traits = { mailOrder, ninetyDayShare, prescribers };
  const inputs = driverInputsOf(person, traits);
  const adherence = driverScore(inputs, MeasureFamily.Adherence) + 0.9 * person.engagement;
  const statinScore = driverScore(inputs, MeasureFamily.StatinTherapy) + 0.9 * person.engagement;
  const insulin = d.diabetes && rng.chance(0.25);
  const statinBase = d.ischemic_vascular_disease ? 0.72 : d.diabetes ? 0.66 : d.hyperlipidemia ? 0.55 : 0.03;
  const statinOdds = log(statinBase / (1 - statinBase)) + 0.5 * statinScore;
  const statinChance = sigmoid(statinOdds) * (d.statin_intolerance ? 0.2 : 1);
  const uses: Record<DrugClass, boolean> = {
    diabetes: d.diabetes && rng.chance(insulin ? 0.5 : 0.78),
    rasa: rng.chance(d.hypertension ? 0.62 : d.diabetes || d.ckd_stage > 0 ? 0.2 : 0.01),
    statin: rng.chance(statinChance),
  };
  const fills: Partial<Record<DrugClass, FillPlan>> = {};
  if (person.enrollment.part_d) {
    for (const drugClass of Object.keys(uses) as DrugClass[]) {
      if (!uses[drugClass]) continue;
      const chronic = rng.chance(0.85);
      const firstFill = chronic ? days.yearStart + rng.int(0, 80) : rng.int(days.yearStart, days.yearEnd);
      const score = adherence + 0.9 * rng.normal();
      const seed = streamSeed(ids.seed, FILL_STREAM[drugClass], ids.index);
      fills[drugClass] = { firstFill, ninetyDayChance: ninetyDayShare, score, seed };
    }
  }
  return {
    fills,
    ...traits,
    insulinFills: insulin && person.enrollment.part_d ? 1 + rng.poisson((days.asOf - days.yearStart) / 45) : 0,
    statinIntensity: fills.statin ? drawIntensity(rng, d.ischemic_vascular_disease) : StatinIntensity.None,
    sacubitrilValsartan: person.enrollment.part_d && d.heart_failure && rng.chance(0.18),
  };
}

export interface YearDays {
  yearStart: number;
  yearEnd: number;
  asOf: number;
}

export interface MemberIds {
  seed: number;
  index: number;
}

function drawIntensity(rng: Random, ivd: boolean): StatinIntensity {
  return rng.pick<StatinIntensity>([
    [StatinIntensity.High, ivd ? 0.55 : 0.25],
    [StatinIntensity.Moderate, ivd ? 0.4 : 0.63],
    [StatinIntensity.Low, ivd ? 0.05 : 0.12],
  ]);
}
