import { max, min } from 'src/modules/members/math';
import { MeasureCode } from 'src/modules/measures/measure-code';
import { ageAtYearEnd, optionalDay, yearEndDay, yearStartDay } from 'src/modules/members/member-dates';
import { MemberRecord } from 'src/modules/members/member-record';
import { numeratorMetToDate } from 'src/modules/members/numerator-status';

/** "Days since" for an event that never happened, or happened more than ten years ago. */
export const DAYS_SINCE_CAP = 3650;

/** Everything the feature definitions share, computed once per member. Days are UTC day numbers. */
export interface FeatureContext {
  member: MemberRecord;
  age: number;
  asOf: number;
  yearStart: number;
  yearEnd: number;
  metToDate: Record<MeasureCode, boolean>;
}

/** One named feature: numeric, documented, in a fixed position in its measure's vector. */
export interface FeatureDefinition {
  name: string;
  description: string;
  value: (context: FeatureContext, measure: MeasureCode) => number;
}

export function featureContext(member: MemberRecord): FeatureContext {
  const year = member.measurement_year;
  return {
    member,
    age: ageAtYearEnd(member.birth_date, year),
    asOf: optionalDay(member.as_of_date) ?? yearEndDay(year),
    yearStart: yearStartDay(year),
    yearEnd: yearEndDay(year),
    metToDate: numeratorMetToDate(member),
  };
}

export const flag = (value: boolean | null | undefined): number => (value ? 1 : 0);

/** Whole days from `date` to the as-of date, capped; DAYS_SINCE_CAP when absent. */
export function daysSince(context: FeatureContext, date: string | null | undefined): number {
  const day = optionalDay(date);
  if (day === null) return DAYS_SINCE_CAP;
  return min(DAYS_SINCE_CAP, max(0, context.asOf - day));
}

export function inMeasurementYear(context: FeatureContext, date: string | null | undefined): boolean {
  const day = optionalDay(date);
  return day !== null && day >= context.yearStart && day <= context.yearEnd;
}
