import { redactSecrets } from '../redact.js';
import type { CliResult } from './cli-runner.js';

/** What went wrong with one CLI call, in a form callers branch on (`kind`) and people read (`message`). */
export interface CliError {
  readonly kind:
    | 'server'
    | 'throttled'
    | 'timeout'
    | 'plugin-missing'
    | 'usage'
    | 'spawn'
    | 'bad-output';
  readonly statusCode?: number;
  readonly code?: string;
  /** Redacted; safe for logs and Slack. */
  readonly message: string;
}

const TIMEOUT_TEXT =
  /context deadline exceeded|Client\.Timeout exceeded|SDK\.TimeoutError|timed out/i;
const PLUGIN_MISSING_TEXT = /is not a valid built-in product|plugin install --names/i;

/** Reads the plugin's Tea `SDKError` text (StatusCode, Code, Message) or the host CLI's `ERROR:` line. */
function readServerError(stderr: string): Pick<CliError, 'statusCode' | 'code' | 'message'> {
  const status = /StatusCode:\s*(\d+)/.exec(stderr)?.[1];
  const code = /^\s*(?:Code|ErrorCode):\s*(\S+)/m.exec(stderr)?.[1];
  const message =
    /^\s*Message:\s*(.+)$/m.exec(stderr)?.[1] ??
    /ERROR:\s*(.+)/.exec(stderr)?.[1] ??
    stderr.trim().split('\n')[0] ??
    '';
  return {
    ...(status ? { statusCode: Number(status) } : {}),
    ...(code ? { code } : {}),
    message: message.trim(),
  };
}

/** Classifies a failed call: timeout, missing plugin, throttling, usage or server error. */
export function parseCliError(result: CliResult): CliError {
  const text = `${result.stderr}\n${result.stdout}`;
  if (result.spawnError) {
    return { kind: 'spawn', message: `The aliyun CLI could not start (${result.spawnError}).` };
  }
  if (result.timedOut || TIMEOUT_TEXT.test(result.stderr)) {
    return { kind: 'timeout', message: 'The call to Alibaba Cloud timed out.' };
  }
  if (result.exitCode === 4 || PLUGIN_MISSING_TEXT.test(result.stderr)) {
    return { kind: 'plugin-missing', message: redactSecrets(readServerError(text).message) };
  }
  const parsed = readServerError(result.stderr.trim() === '' ? text : result.stderr);
  const message = redactSecrets(parsed.message);
  const throttled =
    parsed.statusCode === 429 || /^(Throttling|ConcurrentLimit)/.test(parsed.code ?? '');
  if (throttled) return { ...parsed, kind: 'throttled', message };
  if (result.exitCode === 2 && parsed.statusCode === undefined) return { kind: 'usage', message };
  return { ...parsed, kind: 'server', message };
}

/** One line for people: "409 ServiceAlreadyExists: service … already exists". */
export function describeCliError(error: CliError): string {
  const head = [error.statusCode, error.code].filter((x) => x !== undefined).join(' ');
  return head ? `${head}: ${error.message}` : error.message;
}
