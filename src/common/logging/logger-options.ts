import { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { redactDeep } from 'src/common/logging/redact';
import { Environment } from 'src/config/environment';

/** Header names that carry credentials; redacted wherever they show up in a log object. */
const CREDENTIAL_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-api-key"]',
];

/**
 * One JSON logger for the service. The access line is written by the onResponse hook in app.setup.ts,
 * which knows the matched route template (never the raw URL, which can hold member ids), and the
 * error filter names the request id itself. No per-request middleware: pino-http's child logger and
 * the AsyncLocalStorage that carried it to services cost about 8 % of the main thread under load
 * (see docs/performance.md), and no in-request log line needed the binding.
 */
export function loggerOptions(env: Environment, destination?: DestinationStream): Params {
  const options = {
    forRoutes: [],
    pinoHttp: {
      level: env.LOG_LEVEL,
      redact: { paths: CREDENTIAL_PATHS, censor: '[REDACTED]' },
      formatters: { log: (object: Record<string, unknown>) => redactDeep(object) as Record<string, unknown> },
      transport:
        env.NODE_ENV === 'development'
          ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:standard' } }
          : undefined,
    },
  };
  // Tests pass a destination to capture every line the service writes.
  return destination ? { ...options, pinoHttp: [options.pinoHttp, destination] } : options;
}
