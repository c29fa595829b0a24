import helmet from 'helmet';
import { NestApplicationOptions, RequestMethod, VersioningType } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger, PinoLogger } from 'nestjs-pino';
import { ProblemDetailsFilter } from 'src/common/filters/problem-details.filter';
import { buildProblem, PROBLEM_CONTENT_TYPE } from 'src/common/errors/problem';
import { REQUEST_ID_HEADER, requestIdFor } from 'src/common/http/request-id';
import { MemberHasher } from 'src/common/phi/member-hasher';
import { replaceMemberIds } from 'src/common/phi/phi-edge';
import { Environment } from 'src/config/environment';
import { SERVICE_VERSION } from 'src/config/version';
import { AccessRecorder, AUDIT_UNAVAILABLE_STATUS } from 'src/modules/audit/access-recorder';
import { AuditCheckpointer } from 'src/modules/audit/audit-checkpointer';
import { AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { API_KEY_SECURITY } from 'src/modules/auth/auth.decorators';
import { MetricsService } from 'src/modules/metrics/metrics.service';

type FastifyErrorHandler = Parameters<FastifyAdapter['setErrorHandler']>[0];

/**
 * Nest installs a Fastify error handler that turns Fastify's own errors (bad JSON, body too large,
 * wrong content type) into bare HttpExceptions, dropping their codes. This adapter installs ours in
 * its place, so those failures get their specific problem types.
 */
export class ProblemFastifyAdapter extends FastifyAdapter {
  private problemHandler?: FastifyErrorHandler;

  useProblemHandler(handler: FastifyErrorHandler): void {
    this.problemHandler = handler;
  }

  override setErrorHandler(handler: FastifyErrorHandler): ReturnType<FastifyAdapter['setErrorHandler']> {
    return super.setErrorHandler(this.problemHandler ?? handler);
  }
}

function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function createFastifyAdapter(env: Environment): ProblemFastifyAdapter {
  return new ProblemFastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
    // Connections idle in keep-alive are closed on shutdown; busy ones finish their request first.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    trustProxy: trustProxySetting(env.TRUST_PROXY),
  });
}

/**
 * Nest's own body parsers are off: Fastify's built-in JSON parser is kept and nothing else, so a
 * form or text body is a 415 instead of something validation has to reject.
 */
export const NEST_APP_OPTIONS: NestApplicationOptions = { bodyParser: false, bufferLogs: true, abortOnError: false };

/** Everything that is not dependency injection; main.ts and the end-to-end tests both call it. */
export async function configureApp(app: NestFastifyApplication, env: Environment): Promise<void> {
  app.useLogger(app.get(Logger));
  app.flushLogs();

  app.setGlobalPrefix('api', {
    exclude: ['health', 'health/live', 'health/ready'].map((path) => ({ path, method: RequestMethod.GET })),
  });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });

  // helmet's headers, built once: @fastify/helmet rebuilt the middleware (and re-parsed the CSP) on
  // every request, about 3.5 % of the main thread under load.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI injects its styles inline and loads images from data: URLs.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, () => done()));
  const origins = env.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);
  app.enableCors({ origin: origins.length > 0 ? origins : false, exposedHeaders: [REQUEST_ID_HEADER] });

  allowLargeBodies(app, env);
  registerHttpHooks(app);
  setUpSwagger(app);
  app.enableShutdownHooks();
}

/** Routes marked with LARGE_BODY (the 10,000-member batch) get BATCH_BODY_LIMIT_BYTES; all others BODY_LIMIT_BYTES. */
function allowLargeBodies(app: NestFastifyApplication, env: Environment): void {
  app.getHttpAdapter().getInstance().addHook('onRoute', (route) => {
    if ((route.config as { largeBody?: boolean } | undefined)?.largeBody) route.bodyLimit = env.BATCH_BODY_LIMIT_BYTES;
  });
}

function registerHttpHooks(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  const problems = app.get(ProblemDetailsFilter);
  const hasher = app.get(MemberHasher);
  const recorder = app.get(AccessRecorder);
  const auditWriter = app.get(AuditLogWriter);
  const checkpointer = app.get(AuditCheckpointer);

  // JSON is the only request body this API accepts; anything else is a 415, not a string to validate.
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  // PHI edge: member ids become keyed hashes before validation, guards, handlers or logs see them.
  fastify.addHook('preValidation', async (request) => replaceMemberIds(request, hasher));
  // The audit row is written before the response leaves; for member data it must be committed first.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (await recorder.record(request, reply)) return payload;
    const problem = buildProblem(
      { status: AUDIT_UNAVAILABLE_STATUS, code: 'AUDIT_UNAVAILABLE', title: 'Audit log unavailable', detail: 'The access could not be recorded, so no member data was returned. Retry later.' },
      request.id,
    );
    reply.code(AUDIT_UNAVAILABLE_STATUS).header('content-type', PROBLEM_CONTENT_TYPE);
    return JSON.stringify(problem);
  });
  // Runs after in-flight requests finished and before the database closes: nothing buffered is lost.
  fastify.addHook('onClose', async () => {
    await auditWriter.flush();
    await checkpointer.checkpoint('shutdown');
  });
  // One access line and one metric sample per request, keyed by the route template, never the raw URL.
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const durationMs = Math.round(reply.elapsedTime * 100) / 100;
    metrics.observeRequest(request.method, route, status, reply.elapsedTime);
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    PinoLogger.root[level]({ requestId: request.id, method: request.method, route, status, durationMs }, 'request completed');
  });
  (app.getHttpAdapter() as ProblemFastifyAdapter).useProblemHandler((error, request, reply) =>
    problems.send(error, request, reply),
  );
}

function setUpSwagger(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('HEDIS Star Rating Portfolio Optimizer')
    .setDescription('Gap predictions, portfolio optimisation and CMS Star Ratings for Medicare Advantage plans.')
    .setVersion(SERVICE_VERSION)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, API_KEY_SECURITY)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}
