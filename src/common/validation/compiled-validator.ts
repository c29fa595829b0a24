import Ajv, { KeywordDefinition, SchemaObject, ValidateFunction } from 'ajv';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldError } from 'src/common/errors/domain-error';
import { classValidatorSchema, DtoClass, SchemaGenerationOptions } from 'src/common/validation/class-validator-schema';
import { hasAtMostDecimalPlaces } from 'src/common/validation/max-decimal-places';
import { MAX_DECIMAL_PLACES } from 'src/common/validation/schema-converters';
import { validationErrorsToFields } from 'src/common/validation/validation-errors';
import { VALIDATOR_OPTIONS } from 'src/common/validation/validation-pipe-options';

export interface CompiledValidatorOptions extends SchemaGenerationOptions {
  /** Ajv keywords for the application's own converters. */
  keywords?: readonly KeywordDefinition[];
}

/** The same check as @MaxDecimalPlaces. */
const maxDecimalPlacesKeyword: KeywordDefinition = {
  keyword: MAX_DECIMAL_PLACES,
  type: 'number',
  schemaType: 'number',
  errors: false,
  validate: (places: number, value: number): boolean => hasAtMostDecimalPlaces(value, places),
};

export function compileSchema(schema: SchemaObject, keywords: readonly KeywordDefinition[] = []): ValidateFunction {
  const ajv = new Ajv({
    // Unknown keywords and type mismatches fail at start-up instead of being ignored.
    strict: true,
    strictNumbers: true,
    // class-validator's @Matches runs the RegExp without the `u` flag.
    unicodeRegExp: false,
    allErrors: false,
    messages: false,
    keywords: [maxDecimalPlacesKeyword, ...keywords],
  });
  return ajv.compile(schema);
}

/**
 * A DTO's generated JSON Schema compiled once with Ajv: a fast first check whose "valid" always means
 * class-validator would find no error. It is never the authority on errors; on rejection the caller
 * runs class-validator, whose errors (or acceptance) stand.
 */
export class CompiledValidator<T extends object> {
  readonly schema: SchemaObject;
  private readonly check: ValidateFunction;

  constructor(
    readonly dtoClass: DtoClass<T>,
    options: CompiledValidatorOptions = {},
  ) {
    this.schema = classValidatorSchema(dtoClass, options);
    this.check = compileSchema(this.schema, options.keywords);
  }

  /** True only when class-validator would accept `value` as it stands, so it can be used without copying. */
  accepts(value: unknown): value is T {
    return this.check(value);
  }
}

export type DtoValidation<T> = { valid: true; value: T } | { valid: false; errors: FieldError[] };

/**
 * The compiled check, then class-validator (with the options the schema means) when the check says
 * no. The errors are class-validator's own; if it finds none, its instance is the result.
 */
export function validateDto<T extends object>(validator: CompiledValidator<T>, raw: object): DtoValidation<T> {
  if (validator.accepts(raw)) return { valid: true, value: raw };
  const instance = plainToInstance(validator.dtoClass, raw);
  const errors = validationErrorsToFields(validateSync(instance, VALIDATOR_OPTIONS));
  return errors.length > 0 ? { valid: false, errors } : { valid: true, value: instance };
}
