import { type DestinationStream, type Logger, pino } from 'pino';
import { maskSecrets } from './observability/mask-secrets.js';

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
  /** Known secret values (from the config) masked literally wherever they appear. */
  readonly secrets?: readonly string[];
}

/** Wraps a destination so every finished line passes the secret masker last. */
function maskDestination(target: DestinationStream, secrets: readonly string[]): DestinationStream {
  return { write: (line: string) => target.write(maskSecrets(line, secrets)) };
}

/** Creates the JSON-lines logger: key-based redaction, then secret shapes masked in the whole line. */
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
    maskDestination(target, options.secrets ?? []),
  );
}
