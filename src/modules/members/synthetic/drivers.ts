import { max, min } from 'src/modules/members/math';
import { MeasureCode } from 'src/modules/measures/measure-code';

/** Measures that respond to the same member-level drivers in the same direction. */
export enum MeasureFamily {
  Screening = 'screening',
  DiabetesTesting = 'diabetes_testing',
  Control = 'control',
  StatinTherapy = 'statin_therapy',
  Adherence = 'adherence',
}

export const MEASURE_FAMILY: Readonly<Record<MeasureCode, MeasureFamily>> = {
  [MeasureCode.Bcs]: MeasureFamily.Screening,
  [MeasureCode.Col]: MeasureFamily.Screening,
  [MeasureCode.Omw]: MeasureFamily.Screening,
  [MeasureCode.Eed]: MeasureFamily.DiabetesTesting,
  [MeasureCode.Ked]: MeasureFamily.DiabetesTesting,
  [MeasureCode.Gsd]: MeasureFamily.Control,
  [MeasureCode.Cbp]: MeasureFamily.Control,
  [MeasureCode.Spc]: MeasureFamily.StatinTherapy,
  [MeasureCode.Supd]: MeasureFamily.StatinTherapy,
  [MeasureCode.PdcDr]: MeasureFamily.Adherence,
  [MeasureCode.PdcRasa]: MeasureFamily.Adherence,
  [MeasureCode.PdcSta]: MeasureFamily.Adherence,
};

/** The observable member-level drivers, as the record shows them. */
export interface DriverInputs {
  age: number;
  lisDual: boolean;
  disabled: boolean;
  pcpVisits: number;
  assignedPcp: boolean;
  edVisits: number;
  inpatientStays: number;
  chronicConditions: number;
  depression: boolean;
  distanceMiles: number | null;
  mailOrder: boolean;
  ninetyDayShare: number;
  prescribers: number;
}

type Coefficients = Record<keyof DriverInputs, number>;

/**
 * Log-odds effects of each driver on closing a gap, by family. Invented to be plausible in sign and
 * rough size (PCP contact and a named PCP help; LIS/dual status, disability, ED use and distance hurt;
 * mail order and 90-day fills help adherence; many prescribers hurt it). Not estimated from data.
 * Units: per visit or stay (capped), per year of age over 70, per condition, per mile over 10 (capped),
 * per prescriber over 2.
 */
export const DRIVER_COEFFICIENTS: Readonly<Record<MeasureFamily, Coefficients>> = {
  [MeasureFamily.Screening]: coefficients(0.12, 0.45, -0.12, -0.15, -0.35, -0.25, -0.05, -0.2, -0.03, -0.015, 0, 0, 0),
  [MeasureFamily.DiabetesTesting]: coefficients(0.12, 0.4, -0.08, -0.05, -0.3, -0.2, 0.05, -0.2, -0.01, -0.015, 0, 0, 0),
  [MeasureFamily.Control]: coefficients(0.06, 0.2, -0.15, -0.1, -0.3, -0.25, -0.06, -0.3, 0.01, -0.005, 0, 0, 0),
  [MeasureFamily.StatinTherapy]: coefficients(0.08, 0.35, -0.05, 0, -0.2, -0.15, 0.03, -0.1, -0.01, -0.005, 0.2, 0, -0.05),
  [MeasureFamily.Adherence]: coefficients(0.04, 0.15, -0.1, -0.1, -0.15, -0.2, -0.04, -0.35, 0.015, 0, 0.6, 0.8, -0.12),
};

function coefficients(...values: number[]): Coefficients {
  const [pcpVisits, assignedPcp, edVisits, inpatientStays, lisDual, disabled, chronicConditions] = values;
  const [depression, age, distanceMiles, mailOrder, ninetyDayShare, prescribers] = values.slice(7);
  return {
    pcpVisits,
    assignedPcp,
    edVisits,
    inpatientStays,
    lisDual,
    disabled,
    chronicConditions,
    depression,
    age,
    distanceMiles,
    mailOrder,
    ninetyDayShare,
    prescribers,
  };
}

/**
 * Effects that are not additive in log-odds, as care-gap data shows them: members with neither a
 * PCP visit nor an assigned PCP are disengaged beyond the sum of both effects, and heavy ED users
 * with many conditions are harder to reach than either alone suggests. Invented sizes, like the rest.
 */
export const INTERACTION_EFFECTS = { disengaged: -1.6, complexAcuteUser: -1.1, lowIncomeUnattached: -0.8 } as const;

function interactionScore(inputs: DriverInputs): number {
  const disengaged = inputs.pcpVisits === 0 && !inputs.assignedPcp;
  const complexAcuteUser = inputs.chronicConditions >= 4 && inputs.edVisits >= 2;
  const lowIncomeUnattached = inputs.lisDual && inputs.pcpVisits <= 1;
  return (
    (disengaged ? INTERACTION_EFFECTS.disengaged : 0) +
    (complexAcuteUser ? INTERACTION_EFFECTS.complexAcuteUser : 0) +
    (lowIncomeUnattached ? INTERACTION_EFFECTS.lowIncomeUnattached : 0)
  );
}

/** The observed part of a member's log-odds of closing a gap in the family; plan intercepts are added later. */
export function driverScore(inputs: DriverInputs, family: MeasureFamily): number {
  const k = DRIVER_COEFFICIENTS[family];
  const on = (flag: boolean): number => (flag ? 1 : 0);
  return (
    interactionScore(inputs) +
    k.pcpVisits * min(inputs.pcpVisits, 8) +
    k.assignedPcp * on(inputs.assignedPcp) +
    k.edVisits * min(inputs.edVisits, 5) +
    k.inpatientStays * min(inputs.inpatientStays, 4) +
    k.lisDual * on(inputs.lisDual) +
    k.disabled * on(inputs.disabled) +
    k.chronicConditions * inputs.chronicConditions +
    k.depression * on(inputs.depression) +
    k.age * (min(inputs.age, 85) - 70) +
    k.distanceMiles * min(max((inputs.distanceMiles ?? 10) - 10, 0), 50) +
    k.mailOrder * on(inputs.mailOrder) +
    k.ninetyDayShare * inputs.ninetyDayShare +
    k.prescribers * max(inputs.prescribers - 2, 0)
  );
}
