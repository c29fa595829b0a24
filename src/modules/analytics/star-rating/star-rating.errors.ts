import { DomainError } from 'src/common/errors/domain-error';

/** A Star-year data file that is missing or malformed: a deployment fault, never a user error. */
export class StarMethodFileError extends Error {
  constructor(fileName: string, problem: string) {
    super(`Star method file ${fileName} is invalid: ${problem}`);
    this.name = 'StarMethodFileError';
  }
}

export class StarYearNotSupportedError extends DomainError {
  readonly status = 422;
  readonly code = 'STAR_YEAR_NOT_SUPPORTED';
  readonly title = 'Star Ratings year not supported';
}

export class InvalidStarInputError extends DomainError {
  readonly status = 422;
  readonly code = 'INVALID_STAR_INPUT';
  readonly title = 'Star Ratings input is invalid';
}
