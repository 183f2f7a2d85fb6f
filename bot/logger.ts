/**
 * Structured logs with pino: JSON lines in production and under test, pretty lines when a
 * developer runs the server in a terminal. Secrets in headers and tokens are redacted.
 */
import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: LogLevel;
  /** Pretty-print (pino-pretty). Default: stdout is a terminal and NODE_ENV is not production. */
  pretty?: boolean;
}

/** The application logger. */
export function createLogger(options: LoggerOptions): Logger {
  const pretty = options.pretty ?? (process.stdout.isTTY === true && process.env.NODE_ENV !== 'production');
  return pino({
    name: 'order-call-trainer',
    level: options.level,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'token', '*.token', 'MicrosoftAppPassword', '*.MicrosoftAppPassword'],
      censor: '[redacted]',
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,name' } } } : {}),
  });
}

/** A logger that writes nothing (tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
