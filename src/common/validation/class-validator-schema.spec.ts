import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ValidationFailedError } from 'src/common/errors/domain-error';
import { classValidatorSchema, DtoClass } from 'src/common/validation/class-validator-schema';
import { CompiledValidationPipe } from 'src/common/validation/compiled-validation.pipe';
import { CompiledValidator } from 'src/common/validation/compiled-validator';
import { MaxDecimalPlaces } from 'src/common/validation/max-decimal-places';
import { UnsupportedValidationError } from 'src/common/validation/schema-converters';
import { VALIDATION_PIPE_OPTIONS } from 'src/common/validation/validation-pipe-options';

enum Colour {
  Red = 'red',
  Blue = 'blue',
}

class InnerDto {
  @IsInt()
  @Min(1)
  count: number;
}

class OuterDto {
  @IsOptional()
  @IsEnum(Colour)
  colour?: Colour | null;

  @IsNumber()
  @MaxDecimalPlaces(1)
  @IsInt()
  @Max(10)
  size: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => InnerDto)
  inner?: InnerDto | null;
}

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

class WithEmailDto {
  @IsEmail()
  email: string;
}
class WithEachDto {
  @IsString({ each: true })
  tags: string[];
}
class WithValidateIfDto {
  @ValidateIf(() => false)
  @IsString()
  name: string;
}
class WithTransformDto {
  @Transform(trim)
  @IsString()
  name: string;
}
class WithTypeOnlyDto {
  @Type(() => Number)
  @IsInt()
  count: number;
}
class WithConflictDto {
  @IsString()
  @IsInt()
  value: string;
}
class WithFlagsDto {
  @Matches(/^a+$/i)
  letters: string;
}
class WithDefaultDto {
  @IsOptional()
  @IsString()
  name?: string = 'anonymous';
}
class WithoutValidatorDto {
  @IsObject()
  body: object;
}

describe(classValidatorSchema.name, () => {
  it('closes objects, makes optional properties nullable, narrows number to integer and inlines nested DTOs', () => {
    expect(classValidatorSchema(OuterDto)).toEqual({
      type: 'object',
      properties: {
        colour: { enum: ['red', 'blue', null] },
        size: { type: 'integer', maxDecimalPlaces: 1, maximum: 10 },
        inner: {
          type: ['object', 'null'],
          properties: { count: { type: 'integer', minimum: 1 } },
          required: ['count'],
          additionalProperties: false,
        },
      },
      required: ['size'],
      additionalProperties: false,
    });
  });

  it('allows a transform only when it is declared value-preserving', () => {
    expect(() => classValidatorSchema(WithTransformDto)).toThrow(UnsupportedValidationError);
    expect(() => classValidatorSchema(WithTransformDto, { valuePreservingTransforms: [trim] })).not.toThrow();
  });

  it.each<[string, DtoClass]>([
    ['a decorator it has no converter for', WithEmailDto],
    ['each', WithEachDto],
    ['ValidateIf', WithValidateIfDto],
    ['@Type without @ValidateNested', WithTypeOnlyDto],
    ['decorators that disagree on the type', WithConflictDto],
    ['a RegExp with flags', WithFlagsDto],
    ['a property initialiser', WithDefaultDto],
  ])('refuses %s instead of generating a looser schema', (_what, dtoClass) => {
    expect(() => classValidatorSchema(dtoClass)).toThrow(new RegExp(`^No JSON Schema for ${dtoClass.name}\\.`));
  });
});

describe(CompiledValidationPipe.name, () => {
  const pipe = new CompiledValidationPipe([new CompiledValidator(OuterDto)], VALIDATION_PIPE_OPTIONS);

  it('returns an accepted body itself, without class-transformer', async () => {
    const body = { size: 3, inner: { count: 2 } };
    await expect(pipe.transform(body, { type: 'body', metatype: OuterDto })).resolves.toBe(body);
  });

  it("leaves a rejected body to class-validator, whose errors are the response's", async () => {
    const rejected = pipe.transform({ size: 3.5, inner: { count: 0 } }, { type: 'body', metatype: OuterDto });
    await expect(rejected).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(rejected).rejects.toMatchObject({
      errors: [
        { field: 'size', message: 'size must be an integer number' },
        { field: 'inner.count', message: 'count must not be less than 1' },
      ],
    });
  });

  it('validates DTOs without a compiled validator exactly as before', async () => {
    const transformed = await pipe.transform({ body: {} }, { type: 'body', metatype: WithoutValidatorDto });
    expect(transformed).toBeInstanceOf(WithoutValidatorDto);
    await expect(pipe.transform({ body: 1 }, { type: 'body', metatype: WithoutValidatorDto })).rejects.toBeInstanceOf(ValidationFailedError);
  });
});
