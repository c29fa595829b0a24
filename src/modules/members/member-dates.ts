/** Calendar arithmetic on ISO dates as whole UTC day numbers (days since 1970-01-01), free of time zones. */
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The day number of a `YYYY-MM-DD` string, or null if it is not a real calendar date. */
export function parseIsoDate(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = dayNumber(year, month, day);
  const check = new Date(days * MS_PER_DAY);
  const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return real ? days : null;
}

/** Like parseIsoDate, for optional fields: null when absent or malformed. */
export function optionalDay(value: string | null | undefined): number | null {
  return value ? parseIsoDate(value) : null;
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearStartDay(year: number): number {
  return dayNumber(year, 1, 1);
}

export function yearEndDay(year: number): number {
  return dayNumber(year, 12, 31);
}

/** HEDIS ages are taken on 31 December of the measurement year, i.e. the difference in calendar years. */
export function ageAtYearEnd(birthDate: string, measurementYear: number): number {
  return measurementYear - Number(birthDate.slice(0, 4));
}

/** True when `day` is set and falls in [from, to], both inclusive. */
export function isBetween(day: number | null, from: number, to: number): boolean {
  return day !== null && day >= from && day <= to;
}
