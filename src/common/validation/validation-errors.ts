import { ValidationError } from 'class-validator';
import { FieldError } from 'src/common/errors/domain-error';

/**
 * Flattens nested class-validator errors into `field.path: message` pairs. Messages are the
 * validators' own, which describe the rule and never quote the rejected value.
 */
export function validationErrorsToFields(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationErrorsToFields(error.children ?? [], field)];
  });
}
