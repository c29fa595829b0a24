import { TransformFnParams } from 'class-transformer';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { parseIsoDate, yearEndDay, yearStartDay } from 'src/modules/members/member-dates';

const MEASUREMENT_YEAR = Symbol('measurementYear');
export const EARLIEST_MEMBER_DAY = parseIsoDate('1900-01-01') as number;
export const IS_MEMBER_DATE = 'isMemberDate';

type WithYear = { [MEASUREMENT_YEAR]?: number; measurement_year?: unknown };

/**
 * class-validator only shows a nested object's own fields to its validators, but every date in the
 * record must be checked against the root's `measurement_year`. The root DTO runs this transform on
 * each nested object, which stamps the year on it (and its children) under a hidden symbol key.
 */
export function stampMeasurementYear({ value, obj }: TransformFnParams): unknown {
  const year = (obj as WithYear).measurement_year;
  if (Number.isInteger(year)) stamp(value, year as number);
  return value;
}

function stamp(value: unknown, year: number): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  Object.defineProperty(value, MEASUREMENT_YEAR, { value: year, enumerable: false });
  Object.values(value).forEach((child) => stamp(child, year));
}

function measurementYearOf(object: object): number | null {
  const holder = object as WithYear;
  const year = holder[MEASUREMENT_YEAR] ?? holder.measurement_year;
  return Number.isInteger(year) ? (year as number) : null;
}

export interface MemberDateOptions {
  /** Earliest allowed date as whole years before the measurement year (0 = 1 January of that year). */
  yearsBeforeMeasurementYear?: number;
}

/** Allowed day numbers, both inclusive; without a measurement year only the 1900 floor applies. */
export function memberDateBounds(year: number | null, options: MemberDateOptions): { from: number; to: number } {
  if (year === null) return { from: EARLIEST_MEMBER_DAY, to: Number.POSITIVE_INFINITY };
  const offset = options.yearsBeforeMeasurementYear;
  return { from: offset === undefined ? EARLIEST_MEMBER_DAY : yearStartDay(year - offset), to: yearEndDay(year) };
}

export function isMemberDateWithin(value: unknown, bounds: { from: number; to: number }): boolean {
  const day = typeof value === 'string' ? parseIsoDate(value) : null;
  return day !== null && day >= bounds.from && day <= bounds.to;
}

/**
 * An ISO `YYYY-MM-DD` calendar date no later than 31 December of the member's measurement year and no
 * earlier than 1900 (or the given number of years before the measurement year).
 */
export function IsMemberDate(options: MemberDateOptions = {}, validation?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: IS_MEMBER_DATE,
      target: target.constructor,
      propertyName: propertyName.toString(),
      // Read by the JSON Schema generator (member-record.validator.ts), not by the rule below.
      constraints: [options],
      options: validation,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          return isMemberDateWithin(value, memberDateBounds(measurementYearOf(args.object), options));
        },
        defaultMessage(args: ValidationArguments): string {
          const year = measurementYearOf(args.object);
          const earliest = options.yearsBeforeMeasurementYear;
          if (year === null) return `${args.property} must be a real date (YYYY-MM-DD) from 1900 on`;
          const from = earliest === undefined ? '1900-01-01' : `${year - earliest}-01-01`;
          const to = `${year}-12-31, the end of the measurement year`;
          return `${args.property} must be a real date (YYYY-MM-DD) from ${from} to ${to}`;
        },
      },
    });
  };
}
