import { RequestMethod } from '@nestjs/common';
import { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
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
export function loggerOptions(env: Environment): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: env.LOG_LEVEL,
      autoLogging: false,
      genReqId: (req: IncomingMessage) => req.id,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      redact: { paths: CREDENTIAL_PATHS, censor: '[REDACTED]' },
      transport:
        env.NODE_ENV === 'development'
          ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:standard' } }
          : undefined,
    },
  };
}
