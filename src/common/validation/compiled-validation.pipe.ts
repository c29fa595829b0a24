import { ArgumentMetadata, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { CompiledValidator } from 'src/common/validation/compiled-validator';

/**
 * Nest's ValidationPipe with a compiled fast path for the DTO classes given: a body the compiled
 * validator accepts is returned as it came (class-validator would accept it too); anything else takes
 * the pipe's own class-transformer + class-validator path, so error responses are unchanged.
 */
export class CompiledValidationPipe extends ValidationPipe {
  private readonly compiled: ReadonlyMap<unknown, CompiledValidator<object>>;

  constructor(validators: ReadonlyArray<CompiledValidator<object>>, options: ValidationPipeOptions) {
    super(options);
    this.compiled = new Map(validators.map((validator) => [validator.dtoClass, validator]));
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const validator = this.compiled.get(this.expectedType ?? metadata.metatype);
    if (validator && this.toValidate(metadata) && validator.accepts(value)) return value;
    return super.transform(value, metadata);
  }
}
