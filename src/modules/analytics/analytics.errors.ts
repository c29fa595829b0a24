import { DomainError } from 'src/common/errors/domain-error';

export class ContractProfileNotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'CONTRACT_PROFILE_NOT_FOUND';
  readonly title = 'No contract profile';

  constructor() {
    super('No contract profile has been set yet; an admin sets it with PUT /api/v1/analytics/contract-profile.');
  }
}

/** The plan's own rating needs its contract profile (the measures the product does not predict). */
export class ContractProfileRequiredError extends DomainError {
  readonly status = 409;
  readonly code = 'CONTRACT_PROFILE_REQUIRED';
  readonly title = 'Contract profile required';

  constructor() {
    super('This needs the plan\'s contract profile, which has not been set; an admin sets it with PUT /api/v1/analytics/contract-profile.');
  }
}

/** Well-formed input that cannot be applied to the plan's data (e.g. closing gaps on a measure with no members). */
export class ScenarioNotApplicableError extends DomainError {
  readonly status = 422;
  readonly code = 'SCENARIO_NOT_APPLICABLE';
  readonly title = 'Scenario cannot be applied';
}

/** An ROI figure that needs an input neither the request nor the profile gives. */
export class RoiInputMissingError extends DomainError {
  readonly status = 422;
  readonly code = 'ROI_INPUT_MISSING';
  readonly title = 'ROI input missing';
}

/** The ROI models MA payments (quality bonus, rebate); a stand-alone PDP has neither. */
export class RoiNotApplicableError extends DomainError {
  readonly status = 422;
  readonly code = 'ROI_NOT_APPLICABLE';
  readonly title = 'ROI not applicable';

  constructor() {
    super('The ROI values the MA quality bonus and rebate, which a stand-alone PDP is not paid.');
  }
}
