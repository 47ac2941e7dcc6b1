import { redactSecrets } from '../redact.js';
import type { CliResult } from './cli-runner.js';
import { readErrorText } from './read-error-text.js';

/** The classes a failed call falls into; each reaches the person as its own sentence (explain-cli-error). */
export type CliErrorKind =
  | 'credentials'
  | 'permission'
  | 'quota'
  | 'throttled'
  | 'plugin-missing'
  | 'network'
  | 'not-found'
  | 'usage'
  | 'server'
  | 'spawn'
  | 'bad-output'
  | 'too-many';

/** What went wrong with one CLI call, in a form callers branch on (`kind`) and people read (`message`). */
export interface CliError {
  readonly kind: CliErrorKind;
  readonly statusCode?: number;
  readonly code?: string;
  readonly requestId?: string;
  /** permission: the RAM action that is missing, e.g. `vpc:DescribeVpcs`. */
  readonly action?: string;
  /** plugin-missing: the plugin to install, e.g. `aliyun-cli-eas`. */
  readonly plugin?: string;
  /** Redacted; safe for logs and Slack. */
  readonly message: string;
}

/** Go's own network errors (net, net/http, context), as the CLI prints them raw. */
const NETWORK_TEXT =
  /i\/o timeout|connection reset by peer|no such host|connection refused|TLS handshake timeout|context deadline exceeded|Client\.Timeout exceeded|SDK\.TimeoutError|network is unreachable|unexpected EOF|broken pipe/i;

/** The host's words for a plugin it cannot run (aliyun-cli `openapi/commando.go`, `cli/plugin/execution.go`). */
const PLUGIN_MISSING_TEXT =
  /is not a valid built-in product|is required for command '[^']+' but not installed|failed to read user input: EOF|failed to resolve plugin binary path|plugin binary not found|looks like a plugin command but plugin/i;

const CREDENTIALS_CODE =
  /^(InvalidAccessKeyId|InvalidAccessKeySecret|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|MissingSecurityToken|SecurityTokenExpired|Forbidden\.AccessKeyDisabled|InvalidAuthorization|Unauthorized)/i;
const PERMISSION_CODE = /^(Forbidden|NoPermission|AccessDenied|NotAuthorized)/i;
const THROTTLING_CODE =
  /^(Throttling|ConcurrentLimit|TooManyRequests|ServiceBusy|RequestLimitExceeded)/i;
const QUOTA_CODE = /quota|insufficient|nostock|outofstock|notenough|stock|balance/i;
const NOT_FOUND_CODE = /NotFound|NotExist/i;
/** The host's configuration errors (exit 3): no profile, no AccessKey (aliyun-cli `config/profile.go`). */
const CONFIG_TEXT =
  /is not configure yet|access_key_(id|secret) is not configured|AccessKeyId\/AccessKeySecret is empty|can't get credentials|profile not found/i;

/** `eas create-service` → `eas:CreateService`; a PascalCase call keeps its name. */
function actionOf(args: readonly string[]): string | undefined {
  const [product, op] = args;
  if (!product || !op) return undefined;
  const api = /[A-Z]/.test(op)
    ? op
    : op.replace(/(^|-)([a-z])/g, (_m, _dash, c: string) => c.toUpperCase());
  return `${product}:${api}`;
}

function readPlugin(text: string, args: readonly string[]): string {
  const named =
    /--names? (aliyun-cli-[a-z0-9-]+)|[Pp]lugin '(aliyun-cli-[a-z0-9-]+)'|\/plugins\/(aliyun-cli-[a-z0-9-]+)\//.exec(
      text,
    );
  return named?.[1] ?? named?.[2] ?? named?.[3] ?? `aliyun-cli-${args[0] ?? 'unknown'}`;
}

function classify(
  code: string | undefined,
  status: number | undefined,
  text: string,
  exit?: number,
) {
  if (code && CREDENTIALS_CODE.test(code)) return 'credentials';
  if ((code && PERMISSION_CODE.test(code)) || status === 403) return 'permission';
  if ((code && THROTTLING_CODE.test(code)) || status === 429) return 'throttled';
  if (code && QUOTA_CODE.test(code)) return 'quota';
  if ((code && NOT_FOUND_CODE.test(code)) || status === 404) return 'not-found';
  if (!code && (exit === 3 || CONFIG_TEXT.test(text))) return 'credentials';
  if (!code && exit === 2) return 'usage';
  return 'server';
}

/** Classifies a failed call as the real CLI reports it (docs/CLI-CALLS.md, "Errors"). */
export function parseCliError(result: CliResult): CliError {
  if (result.spawnError) {
    return { kind: 'spawn', message: `The aliyun CLI could not start (${result.spawnError}).` };
  }
  const text = result.stderr.trim() === '' ? result.stdout : result.stderr;
  const fields = readErrorText(text);
  const message = redactSecrets(fields.message);
  const ids = {
    ...(fields.code ? { code: fields.code } : {}),
    ...(fields.statusCode !== undefined ? { statusCode: fields.statusCode } : {}),
    ...(fields.requestId ? { requestId: fields.requestId } : {}),
  };
  if (result.timedOut) {
    return {
      kind: 'network',
      message: `no answer within the time limit (${message || 'timeout'})`,
    };
  }
  if (PLUGIN_MISSING_TEXT.test(text)) {
    return { kind: 'plugin-missing', plugin: readPlugin(text, result.args), message };
  }
  if (!fields.code && NETWORK_TEXT.test(text)) return { kind: 'network', message };
  const kind = classify(fields.code, fields.statusCode, text, result.exitCode);
  if (kind === 'permission') {
    const action = fields.authAction ?? actionOf(result.args);
    return { kind, ...ids, ...(action ? { action } : {}), message };
  }
  return { kind, ...ids, message };
}

/** Network errors and throttling pass; a read may be tried again after a pause. */
export function isTransient(error: CliError): boolean {
  return error.kind === 'network' || error.kind === 'throttled';
}
