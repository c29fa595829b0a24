import { DomainError } from 'src/common/errors/domain-error';
import { EligibilityReason, EligibilityStatus } from 'src/modules/members/eligibility-status';

/** 422: the member is outside the measure's denominator or excluded from it, so there is no gap to predict. */
export class NotEligibleError extends DomainError {
  readonly status = 422;
  readonly code = 'NOT_ELIGIBLE';
  readonly title = 'Member not eligible for the measure';

  constructor(measure: string, status: EligibilityStatus, reason: EligibilityReason | null) {
    super(`The member is ${status === EligibilityStatus.Excluded ? 'excluded from' : 'not eligible for'} ${measure}: ${reason ?? 'unknown'}.`, [], {
      eligibility: { status, reason },
    });
  }
}

export class IdempotencyConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'IDEMPOTENCY_IN_PROGRESS';
  readonly title = 'A request with this Idempotency-Key is still being processed';
}

export class IdempotencyMismatchError extends DomainError {
  readonly status = 422;
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  readonly title = 'Idempotency-Key reused with a different request';
}
