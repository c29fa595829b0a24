import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { buildProblem, PROBLEM_CONTENT_TYPE } from 'src/common/errors/problem';
import { mapErrorToProblem } from 'src/common/errors/problem-mapping';
import { Environment } from 'src/config/environment';

/** The one place errors become HTTP responses: RFC 9457 problem+json for every failure. */
@Catch()
@Injectable()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);
  private readonly bodyLimitBytes: number;

  constructor(env: Environment) {
    this.bodyLimitBytes = env.BODY_LIMIT_BYTES;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.send(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  /** Also used as Fastify's own error handler, for failures before Nest sees the request (body parsing). */
  send(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const { problem, unexpected } = mapErrorToProblem(exception, request.routeOptions?.bodyLimit ?? this.bodyLimitBytes);
    if (unexpected) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error while serving a request');
    }
    reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(buildProblem(problem, request.id));
  }
}
