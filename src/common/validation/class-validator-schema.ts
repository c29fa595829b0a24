import { TransformationType, TransformFnParams } from 'class-transformer';
import type { MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, IS_OBJECT, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { defaultConverters, ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import type { SchemaObject } from 'ajv';
import {
  intersectTypes,
  NESTED,
  OPTIONAL,
  PropertyConverter,
  PropertySchema,
  refuse,
  STANDARD_CONVERTERS,
  typed,
  TYPES,
  UnsupportedValidationError,
} from 'src/common/validation/schema-converters';

// class-transformer keeps its metadata store out of its entry point; class-validator-jsonschema reads it the same way.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadataStorage };

export type DtoClass<T extends object = object> = new () => T;

const EACH_ALLOWED = new Set<string>([IS_OBJECT]);
export type TransformFunction = (params: TransformFnParams) => unknown;

export interface SchemaGenerationOptions {
  /** Converters for the application's own decorators, by the name they register with class-validator. */
  converters?: Readonly<Record<string, PropertyConverter>>;
  /** `@Transform` functions that return the value they are given (e.g. ones that only annotate it). */
  valuePreservingTransforms?: readonly TransformFunction[];
}

/**
 * A JSON Schema generated from a DTO's class-validator and class-transformer metadata that accepts no
 * more than `plainToInstance` + `validate` with `whitelist` and `forbidNonWhitelisted` do: every object
 * closed, optional properties absent or null, nested DTOs inlined. Anything it cannot translate exactly
 * (an unknown decorator, groups, `each` on most rules, a value-changing transform) throws, so a new decorator can
 * never silently widen what the compiled validator lets through.
 */
export function classValidatorSchema(dtoClass: DtoClass, options: SchemaGenerationOptions = {}): SchemaObject {
  return new SchemaBuilder(options).objectSchema(dtoClass, []);
}

class SchemaBuilder {
  private readonly converters: ISchemaConverters;
  private readonly nestedClasses = new Map<string, DtoClass>();

  constructor(private readonly options: SchemaGenerationOptions) {
    const understood: Record<string, PropertyConverter> = {
      ...STANDARD_CONVERTERS,
      ...options.converters,
      [ValidationTypes.NESTED_VALIDATION]: (meta) => this.nestedShare(meta),
    };
    // The package's own converters are looser than class-validator (e.g. isLowercase → any string).
    const refused = [...Object.keys(defaultConverters), ValidationTypes.CUSTOM_VALIDATION].map((key) => [key, refuse]);
    this.converters = { ...Object.fromEntries(refused), ...understood } as ISchemaConverters;
  }

  objectSchema(dtoClass: DtoClass, enclosing: DtoClass[]): SchemaObject {
    if (enclosing.includes(dtoClass)) throw new UnsupportedValidationError({ target: dtoClass, propertyName: '*' }, 'recursive nesting');
    this.assertTranslatable(dtoClass);
    const generated = targetConstructorToSchema(dtoClass, { additionalConverters: this.converters });
    const properties = Object.fromEntries(
      Object.entries(generated.properties ?? {}).map(([name, share]) => [
        name,
        this.propertySchema({ target: dtoClass, propertyName: name }, share as PropertySchema, [...enclosing, dtoClass]),
      ]),
    );
    const required = generated.required ?? [];
    return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
  }

  private propertySchema(owner: Pick<ValidationMetadata, 'target' | 'propertyName'>, merged: PropertySchema, enclosing: DtoClass[]): SchemaObject {
    const { [TYPES]: types, [OPTIONAL]: optional, [NESTED]: nestedName, items, ...keywords } = merged;
    const type = intersectTypes(owner, types);
    const own: SchemaObject = type === undefined ? keywords : { type, ...keywords };
    if (items !== undefined) own.items = this.propertySchema(owner, items as PropertySchema, enclosing);
    const schema = typeof nestedName === 'string' ? { ...own, ...this.objectSchema(this.nestedClasses.get(nestedName)!, enclosing) } : own;
    return optional === true ? nullable(schema) : schema;
  }

  private nestedShare(meta: ValidationMetadata): PropertySchema {
    const typeMeta = defaultMetadataStorage.findTypeMetadata(meta.target as DtoClass, meta.propertyName);
    if (!typeMeta || typeMeta.options?.discriminator) return refuse(meta);
    const nestedClass = typeMeta.typeFunction() as DtoClass;
    const known = this.nestedClasses.get(nestedClass.name);
    if (known && known !== nestedClass) throw new UnsupportedValidationError(meta, `two classes named ${nestedClass.name}`);
    this.nestedClasses.set(nestedClass.name, nestedClass);
    return typed('object', { [NESTED]: nestedClass.name });
  }

  /** What the converters cannot see: validation options, repeated rules, and class-transformer's changes. */
  private assertTranslatable(dtoClass: DtoClass): void {
    const storage = getMetadataStorage();
    const fail = (propertyName: string, what: string): never => {
      throw new UnsupportedValidationError({ target: dtoClass, propertyName }, what);
    };
    if (Object.getPrototypeOf(dtoClass) !== Function.prototype) fail('*', 'inherited metadata');
    if (Object.keys(new dtoClass()).length > 0) fail('*', 'property initialisers (class-transformer keeps them)');
    if (defaultMetadataStorage.getExposedMetadatas(dtoClass).length + defaultMetadataStorage.getExcludedMetadatas(dtoClass).length > 0) {
      fail('*', '@Expose or @Exclude');
    }
    const rules = new Set<string>();
    const validated = new Set<string>();
    for (const meta of storage.getTargetValidationMetadatas(dtoClass, '', true, false)) {
      const name = meta.constraintCls ? storage.getTargetValidatorConstraints(meta.constraintCls)[0]?.name : meta.name ?? meta.type;
      // `each` is translated (as `items`) only for the element checks whose meaning does not change per element.
      if ((meta.each && !EACH_ALLOWED.has(name ?? '')) || meta.always || meta.groups?.length || meta.validateIf) {
        fail(meta.propertyName, `options on ${name}`);
      }
      if (rules.has(`${meta.propertyName} ${name}`)) fail(meta.propertyName, `${name} twice`);
      rules.add(`${meta.propertyName} ${name}`);
      validated.add(meta.propertyName);
    }
    const preserving = new Set(this.options.valuePreservingTransforms ?? []);
    for (const propertyName of validated) {
      const transforms = defaultMetadataStorage.findTransformMetadatas(dtoClass, propertyName, TransformationType.PLAIN_TO_CLASS);
      if (transforms.some((transform) => !preserving.has(transform.transformFn))) fail(propertyName, 'a value-changing @Transform');
      const typeMeta = defaultMetadataStorage.findTypeMetadata(dtoClass, propertyName);
      if (typeMeta && !rules.has(`${propertyName} ${ValidationTypes.NESTED_VALIDATION}`)) fail(propertyName, '@Type without @ValidateNested');
    }
  }
}

/**
 * @IsOptional skips every other rule when the value is null or undefined (Ajv already treats an
 * undefined property as absent). A null type instead of `anyOf` keeps Ajv from building an error for
 * the null branch each time a value is present.
 */
function nullable(schema: SchemaObject): SchemaObject {
  const { type, enum: values, ...rest } = schema;
  return {
    ...(type === undefined ? {} : { type: [type, 'null'] }),
    ...(values === undefined ? {} : { enum: [...(values as unknown[]), null] }),
    ...rest,
  };
}
