import { floor } from 'src/modules/members/math';

/** Calendar arithmetic on ISO dates as whole UTC day numbers (days since 1970-01-01), free of time zones. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil; no Date objects, so fast). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + floor(yearOfEra / 4) - floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The day number of a `YYYY-MM-DD` string, or null if it is not a real calendar date. */
export function parseIsoDate(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = +match[1];
  const month = +match[2];
  const day = +match[3];
  if (month < 1 || month > 12 || day < 1) return null;
  const monthLength = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  return day > monthLength ? null : dayNumber(year, month, day);
}

/** Like parseIsoDate, for optional fields: null when absent or malformed. */
export function optionalDay(value: string | null | undefined): number | null {
  return value ? parseIsoDate(value) : null;
}

/** The `YYYY-MM-DD` of a day number (Hinnant's civil_from_days), for years 1000-9999. */
export function isoDate(dayNumberValue: number): string {
  const z = dayNumberValue + 719_468;
  const era = floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const leapDays = floor(dayOfEra / 1460) - floor(dayOfEra / 36_524) + floor(dayOfEra / 146_096);
  const yearOfEra = floor((dayOfEra - leapDays) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const monthIndex = floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function yearStartDay(year: number): number {
  return dayNumber(year, 1, 1);
}

export function yearEndDay(year: number): number {
  return dayNumber(year, 12, 31);
}

/** HEDIS ages are taken on 31 December of the measurement year, i.e. the difference in calendar years. */
export function ageAtYearEnd(birthDate: string, measurementYear: number): number {
  return measurementYear - +birthDate.slice(0, 4);
}

/** True when `day` is set and falls in [from, to], both inclusive. */
export function isBetween(day: number | null, from: number, to: number): boolean {
  return day !== null && day >= from && day <= to;
}
