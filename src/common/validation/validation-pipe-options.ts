import { ValidationPipeOptions } from '@nestjs/common';
import { ValidationFailedError } from 'src/common/errors/domain-error';
import { validationErrorsToFields } from 'src/common/validation/validation-errors';

/**
 * The class-validator options every DTO is checked with. Generated schemas (class-validator-schema.ts)
 * close every object, so they mean exactly these options.
 */
export const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true } as const;

/** The global pipe's options (AppModule), shared with the tests that compare its fast path to Nest's own. */
export const VALIDATION_PIPE_OPTIONS: ValidationPipeOptions = {
  ...VALIDATOR_OPTIONS,
  transform: true,
  exceptionFactory: (errors) => new ValidationFailedError('One or more fields are invalid.', validationErrorsToFields(errors)),
};
