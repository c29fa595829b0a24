/** One invalid input field, as listed in a problem's `errors[]`. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Base of every error the service raises on purpose. Services throw these, never HttpExceptions,
 * so scripts and jobs can call them; the problem-details filter maps them to HTTP.
 * `detail` must never contain request values (member ids, keys, free text).
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  abstract readonly title: string;

  constructor(
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  readonly status = 400;
  readonly code = 'VALIDATION_FAILED';
  readonly title = 'Request validation failed';
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
  readonly title = 'Resource not found';
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'CONFLICT';
  readonly title = 'Conflict with the current state';
}

export class UnprocessableError extends DomainError {
  readonly status = 422;
  readonly code = 'UNPROCESSABLE';
  readonly title = 'Request cannot be processed';
}

export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly title = 'Service unavailable';
}
