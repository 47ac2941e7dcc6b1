import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

export interface LoggerOptions {
  readonly level: string;
  readonly name?: string;
  readonly destination?: DestinationStream;
}

/** JSON-lines logger; secret-bearing fields are redacted by pino itself. */
export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level,
    name: options.name ?? 'eas-deploy',
    redact: {
      paths: ['*.token', '*.accessToken', '*.AccessToken', 'accessToken'],
      censor: '[redacted]',
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
