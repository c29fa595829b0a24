import { DomainError } from 'src/common/errors/domain-error';

/** One answer for every authentication failure, so a caller learns nothing about why. */
export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly code = 'UNAUTHENTICATED';
  readonly title = 'Authentication required';

  constructor() {
    super('Send a valid API key in the X-API-Key header or as a Bearer token.');
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'FORBIDDEN';
  readonly title = 'Forbidden';

  constructor() {
    super('The role of this API key does not allow this operation.');
  }
}

export class RateLimitedError extends DomainError {
  readonly status = 429;
  readonly code = 'RATE_LIMITED';
  readonly title = 'Too many requests';

  constructor(retryAfterSeconds: number) {
    super(`Rate limit exceeded; retry in ${retryAfterSeconds} s.`);
  }
}

export class LastAdminKeyError extends DomainError {
  readonly status = 409;
  readonly code = 'LAST_ADMIN_KEY';
  readonly title = 'Last active admin key';

  constructor() {
    super('This is the last active admin key; create another admin key first so admins are not locked out.');
  }
}

export class ApiKeyNotRotatableError extends DomainError {
  readonly status = 409;
  readonly code = 'API_KEY_NOT_ROTATABLE';
  readonly title = 'API key cannot be rotated';
}
