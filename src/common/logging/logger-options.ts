import { RequestMethod } from '@nestjs/common';
import { IncomingMessage } from 'node:http';
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
 * pino-http binds the request id to every log line written while serving a request. Its own
 * per-request line is off: the access line is written by the onResponse hook in app.setup.ts, which
 * knows the matched route template (never the raw URL, which can hold member ids).
 */
export function loggerOptions(env: Environment, destination?: DestinationStream): Params {
  const options = {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: env.LOG_LEVEL,
      autoLogging: false,
      genReqId: (req: IncomingMessage) => req.id,
      quietReqLogger: true,
      quietResLogger: true,
      // pino-http still binds the whole request to a logger per request; serialising it (headers, raw
      // URL) cost about 5 % of the main thread, and a raw URL can hold a member id. Only the id is bound.
      serializers: { req: (req: IncomingMessage) => ({ id: req.id }) },
      customAttributeKeys: { reqId: 'requestId' },
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
