import { FieldError } from 'src/common/errors/domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with the service's stable `code` and the `requestId` added. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function problemType(code: string): string {
  return `urn:hedis-optimizer:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

export interface ProblemInput {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
}

/**
 * `instance` is the request id as a URN rather than the request path, because paths can carry
 * member ids and problems are logged and shown to callers.
 */
export function buildProblem(input: ProblemInput, requestId: string): Problem {
  return {
    type: problemType(input.code),
    title: input.title,
    status: input.status,
    detail: input.detail,
    instance: `urn:request:${requestId}`,
    code: input.code,
    requestId,
    ...(input.errors && input.errors.length > 0 ? { errors: input.errors } : {}),
    ...(input.extensions ?? {}),
  };
}
