import { type DestinationStream, type Logger, pino } from 'pino';
import { redactSecrets } from './redact.js';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line, at the top level and one level down. */
const SECRET_KEYS = [
  'token',
  'accessToken',
  'AccessToken',
  'authorization',
  'Authorization',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'password',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
] as const;

/** pino `redact` paths: every secret key at depth 0 and 1, plus request headers. */
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
  'headers.authorization',
  'req.headers.authorization',
  '*.headers.authorization',
  'headers.cookie',
  'req.headers.cookie',
  'result.accessToken',
  'env.*',
];

export interface LoggerOptions {
  readonly level: string;
  readonly name?: string;
  /** Where JSON lines go; stdout when absent. Tests pass a memory stream. */
  readonly destination?: DestinationStream;
}

/** Creates the JSON-lines logger: pino's key redaction, then every finished line through the redactor. */
export function createLogger(options: LoggerOptions): Logger {
  const target = options.destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level: options.level,
      name: options.name ?? 'eas-deploy',
      redact: { paths: [...REDACT_PATHS], censor: '[REDACTED]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Last, over the whole line: a secret under any key, in a message or in an error's text.
    { write: (line: string) => target.write(redactSecrets(line)) },
  );
}
