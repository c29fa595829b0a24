import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_ENUM,
  IS_INT,
  IS_NUMBER,
  IS_OBJECT,
  IS_OPTIONAL,
  IS_STRING,
  IsNumberOptions,
  MATCHES,
  MAX,
  MIN,
  ValidationTypes,
} from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { MAX_DECIMAL_PLACES_RULE } from 'src/common/validation/max-decimal-places';

/**
 * One decorator's share of a property's JSON Schema. class-validator-jsonschema deep-merges the shares
 * of a property, so each share names the JSON types it accepts under TYPES (merged as a set, never
 * overwritten) and the schema builder intersects them.
 */
export type PropertySchema = Record<string, unknown>;
export type PropertyConverter = (meta: ValidationMetadata) => PropertySchema;

export type JsonType = 'array' | 'boolean' | 'integer' | 'number' | 'object' | 'string';

export const TYPES = 'x-types';
export const OPTIONAL = 'x-optional';
export const NESTED = 'x-nested';
/** Ajv keyword for `@MaxDecimalPlaces`, defined in compiled-validator.ts. */
export const MAX_DECIMAL_PLACES = 'maxDecimalPlaces';

export class UnsupportedValidationError extends Error {
  constructor(meta: Pick<ValidationMetadata, 'target' | 'propertyName'>, what: string) {
    const owner = typeof meta.target === 'function' ? meta.target.name : String(meta.target);
    super(`No JSON Schema for ${owner}.${meta.propertyName}: ${what}`);
  }
}

export const refuse: PropertyConverter = (meta) => {
  throw new UnsupportedValidationError(meta, `no converter for "${meta.type}"`);
};

export function typed(type: JsonType, keywords: PropertySchema = {}): PropertySchema {
  return { [TYPES]: { [type]: true }, ...keywords };
}

/**
 * The class-validator decorators the schema builder understands, each translated to no more than the
 * validator accepts. class-validator's own checks are the reference: `min` and `max` reject
 * non-numbers, `isEnum` compares with the entity's values, `matches` uses the RegExp without the `u`
 * flag (so Ajv runs with `unicodeRegExp: false`).
 */
export const STANDARD_CONVERTERS: Readonly<Record<string, PropertyConverter>> = {
  [ValidationTypes.CONDITIONAL_VALIDATION]: (meta) => (meta.name === IS_OPTIONAL ? { [OPTIONAL]: true } : refuse(meta)),
  [ValidationTypes.WHITELIST]: () => ({}),
  [IS_BOOLEAN]: () => typed('boolean'),
  [IS_STRING]: () => typed('string'),
  [IS_INT]: () => typed('integer'),
  [IS_OBJECT]: () => typed('object'),
  [IS_ARRAY]: () => typed('array'),
  [ARRAY_MIN_SIZE]: (meta) => typed('array', { minItems: meta.constraints[0] }),
  [ARRAY_MAX_SIZE]: (meta) => typed('array', { maxItems: meta.constraints[0] }),
  [IS_NUMBER]: (meta) => {
    // class-validator's own decimal count throws on exponent forms; @MaxDecimalPlaces replaces it.
    const { maxDecimalPlaces } = (meta.constraints[0] ?? {}) as IsNumberOptions;
    return maxDecimalPlaces === undefined ? typed('number') : refuse(meta);
  },
  [MAX_DECIMAL_PLACES_RULE]: (meta) => typed('number', { [MAX_DECIMAL_PLACES]: meta.constraints[0] }),
  [IS_ENUM]: (meta) => {
    const entity = meta.constraints[0] as Record<string, unknown>;
    return { enum: [...new Set(Object.keys(entity).map((key) => entity[key]))] };
  },
  [MIN]: (meta) => typed('number', { minimum: meta.constraints[0] }),
  [MAX]: (meta) => typed('number', { maximum: meta.constraints[0] }),
  [MATCHES]: (meta) => {
    const [pattern, modifiers] = meta.constraints as [RegExp | string, string | undefined];
    const source = pattern instanceof RegExp ? pattern.source : pattern;
    const flags = pattern instanceof RegExp ? pattern.flags : (modifiers ?? '');
    return flags === '' ? typed('string', { pattern: source }) : refuse(meta);
  },
};

/** The one JSON type every share allows (an integer is a number), or none when no share names a type. */
export function intersectTypes(meta: Pick<ValidationMetadata, 'target' | 'propertyName'>, types: unknown): JsonType | undefined {
  const names = Object.keys((types ?? {}) as Record<JsonType, true>) as JsonType[];
  const narrowed = names.includes('integer') ? names.filter((name) => name !== 'number') : names;
  if (narrowed.length > 1) throw new UnsupportedValidationError(meta, `decorators disagree on the type (${names.join(', ')})`);
  return narrowed[0];
}
