import { HttpException } from '@nestjs/common';
import { DomainError } from 'src/common/errors/domain-error';
import { ProblemInput } from 'src/common/errors/problem';

/** What the filter needs to know to answer: the problem, and whether it is our fault (log it loudly). */
export interface MappedProblem {
  problem: ProblemInput;
  unexpected: boolean;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
}

const GENERIC_BY_STATUS: Record<number, { code: string; title: string; detail: string }> = {
  400: { code: 'BAD_REQUEST', title: 'Bad request', detail: 'The request could not be understood.' },
  401: { code: 'UNAUTHORIZED', title: 'Unauthorized', detail: 'A valid API key is required.' },
  403: { code: 'FORBIDDEN', title: 'Forbidden', detail: 'Your role does not allow this operation.' },
  404: { code: 'ROUTE_NOT_FOUND', title: 'Route not found', detail: 'No route matches this method and path.' },
  405: { code: 'METHOD_NOT_ALLOWED', title: 'Method not allowed', detail: 'This method is not allowed here.' },
  406: { code: 'NOT_ACCEPTABLE', title: 'Not acceptable', detail: 'The requested representation is not available.' },
  413: { code: 'PAYLOAD_TOO_LARGE', title: 'Payload too large', detail: 'The request body is too large.' },
  415: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    title: 'Unsupported media type',
    detail: 'Send the request body as application/json.',
  },
  429: { code: 'RATE_LIMITED', title: 'Too many requests', detail: 'Rate limit exceeded; retry later.' },
  503: { code: 'SERVICE_UNAVAILABLE', title: 'Service unavailable', detail: 'The service is temporarily unavailable.' },
};

const INTERNAL: ProblemInput = {
  status: 500,
  code: 'INTERNAL_ERROR',
  title: 'Internal server error',
  detail: 'An unexpected error occurred. Quote the request id when reporting it.',
};

function fastifyProblem(error: FastifyLikeError, bodyLimitBytes: number): ProblemInput | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        title: 'Payload too large',
        detail: `The request body exceeds the limit of ${bodyLimitBytes} bytes.`,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, ...GENERIC_BY_STATUS[415] };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'EMPTY_BODY',
        title: 'Empty request body',
        detail: 'The Content-Type is application/json but the body is empty.',
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return malformedJson();
    default:
      // Fastify's JSON parser rethrows JSON.parse's SyntaxError (whose message quotes the body) with status 400.
      if (error instanceof SyntaxError && error.statusCode === 400) return malformedJson();
      if (error.code?.startsWith('FST_') && error.statusCode && GENERIC_BY_STATUS[error.statusCode]) {
        return { status: error.statusCode, ...GENERIC_BY_STATUS[error.statusCode] };
      }
      return undefined;
  }
}

function malformedJson(): ProblemInput {
  return {
    status: 400,
    code: 'MALFORMED_JSON',
    title: 'Malformed JSON',
    detail: 'The request body is not valid JSON.',
  };
}

/**
 * Maps anything thrown while serving a request to a problem. Messages of framework exceptions are
 * never passed through: they can quote the URL or the body, which may carry member data.
 */
export function mapErrorToProblem(error: unknown, bodyLimitBytes: number): MappedProblem {
  if (error instanceof DomainError) {
    return {
      problem: {
        status: error.status,
        code: error.code,
        title: error.title,
        detail: error.detail,
        errors: error.errors,
        extensions: error.extensions,
      },
      unexpected: error.status >= 500 && error.status !== 503,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const generic = GENERIC_BY_STATUS[status];
    if (generic) return { problem: { status, ...generic }, unexpected: false };
    return { problem: status >= 500 ? INTERNAL : { status, ...GENERIC_BY_STATUS[400] }, unexpected: status >= 500 };
  }
  if (typeof error === 'object' && error !== null) {
    const problem = fastifyProblem(error as FastifyLikeError, bodyLimitBytes);
    if (problem) return { problem, unexpected: false };
  }
  return { problem: INTERNAL, unexpected: true };
}
