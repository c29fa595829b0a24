import { registerDecorator, ValidationArguments } from 'class-validator';

export const MAX_DECIMAL_PLACES_RULE = 'maxDecimalPlaces';

/**
 * True when `value` is a finite number written with at most `places` decimals. class-validator's own
 * `IsNumber({ maxDecimalPlaces })` splits the number's string form on '.', so 1e-7 made it throw (a
 * 500 for a bad request); rounding to `places` and comparing handles every form.
 */
export function hasAtMostDecimalPlaces(value: number, places: number): boolean {
  return Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/** A number with at most `places` decimal places (pair it with @IsNumber for the type message). */
export function MaxDecimalPlaces(places: number): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: MAX_DECIMAL_PLACES_RULE,
      target: target.constructor,
      propertyName: propertyName.toString(),
      constraints: [places],
      validator: {
        validate: (value: unknown): boolean => typeof value === 'number' && hasAtMostDecimalPlaces(value, places),
        defaultMessage: (args: ValidationArguments): string => `${args.property} must have at most ${places} decimal place(s)`,
      },
    });
  };
}
