import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { EligibilityContext } from 'src/modules/members/eligibility-checks';
import { ELIGIBILITY_RULES } from 'src/modules/members/eligibility-rules';
import { EligibilityStatus, MeasureEligibility } from 'src/modules/members/eligibility-status';
import { ageAtYearEnd, yearEndDay, yearStartDay } from 'src/modules/members/member-dates';
import { MemberRecord } from 'src/modules/members/member-record';

/**
 * Who counts in each measure, per the published denominators and exclusions. Judged on the record as
 * it stands at `as_of_date`: a member whose second fill is still to come is not yet in a PDC measure.
 */
export function evaluateEligibility(member: MemberRecord): MeasureEligibility[] {
  const context = contextFor(member);
  return MEASURE_CODES.map((measure) => decide(context, measure));
}

export function eligibilityFor(member: MemberRecord, measure: MeasureCode): MeasureEligibility {
  return decide(contextFor(member), measure);
}

export function eligibleMeasures(member: MemberRecord): MeasureCode[] {
  return evaluateEligibility(member)
    .filter((result) => result.status === EligibilityStatus.Eligible)
    .map((result) => result.measure);
}

function contextFor(member: MemberRecord): EligibilityContext {
  const year = member.measurement_year;
  return {
    member,
    age: ageAtYearEnd(member.birth_date, year),
    yearStart: yearStartDay(year),
    yearEnd: yearEndDay(year),
  };
}

function decide(context: EligibilityContext, measure: MeasureCode): MeasureEligibility {
  const rule = ELIGIBILITY_RULES[measure];
  for (const test of rule.denominator) {
    const reason = test(context);
    if (reason) return { measure, status: EligibilityStatus.NotEligible, reason };
  }
  for (const exclusion of rule.exclusions) {
    const reason = exclusion(context);
    if (reason) return { measure, status: EligibilityStatus.Excluded, reason };
  }
  return { measure, status: EligibilityStatus.Eligible, reason: null };
}
