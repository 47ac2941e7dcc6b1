import { exitCodeOf, type SimResult } from './sim-result.js';

export interface Rendered {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Who answers a call: the host CLI itself, a plugin binary, or the host calling a built-in API. */
export type Route = 'host' | 'plugin' | 'builtin';

export interface RenderOptions {
  route: Route;
  requestId: string;
  /** False when NO_COLOR is `1` or `true` (aliyun-cli `cli/color.go` isNoColor). */
  color: boolean;
  /** The product code of a built-in call, for the Recommend link (`Vpc`, `Ecs`, `Nlb`). */
  product?: string;
}

const RED = '\u001b[1;31m';
const YELLOW = '\u001b[1;33m';
const OFF = '\u001b[0m';

/** Colorized(ErrorColor, …) wraps the whole text, newline included (aliyun-cli `cli/color.go`). */
const paint = (color: string, text: string, on: boolean): string =>
  on ? `${color}${text}${OFF}` : text;

/** The Tea `SDKError` text a plugin built on the Tea SDK prints (alibabacloud-go/tea `tea/tea.go`). */
function renderTeaError(
  r: Extract<SimResult, { kind: 'server-error' }>,
  requestId: string,
): string {
  const data: Record<string, unknown> = { Code: r.code, Message: r.message, RequestId: requestId };
  if (r.authAction)
    data.AccessDeniedDetail = { AuthAction: r.authAction, NoPermissionType: 'ImplicitDeny' };
  data.statusCode = r.status;
  return [
    'SDKError:',
    `   StatusCode: ${r.status}`,
    `   Code: ${r.code}`,
    `   Message: code: ${r.status}, ${r.message} request id: ${requestId}`,
    `   Data: ${JSON.stringify(data)}`,
    '',
  ].join('\n');
}

/** The built-in API error (alibaba-cloud-sdk-go `sdk/errors/server_error.go` Error()). */
function renderServerError(
  r: Extract<SimResult, { kind: 'server-error' }>,
  requestId: string,
  product: string,
): string {
  const lines = [
    'SDK.ServerError',
    `ErrorCode: ${r.code}`,
    `Recommend: https://api.aliyun.com/troubleshoot?q=${r.code}&product=${product}`,
    `RequestId: ${requestId}`,
    `Message: ${r.message}`,
    `RespHeaders: map[Content-Type:[application/json;charset=utf-8] X-Acs-Request-Id:[${requestId}]]`,
  ];
  if (r.authAction) {
    lines.push(`AccessDeniedDetail: map[AuthAction:${r.authAction} NoPermissionType:ImplicitDeny]`);
  }
  return lines.join('\n');
}

/** The host's processError: red `ERROR: …`, then a yellow tip for exit 3 (aliyun-cli `cli/command.go`). */
function renderHostError(message: string, color: boolean, tip?: string, before = ''): string {
  return `${before}${paint(RED, `ERROR: ${message}\n`, color)}${tip ? paint(YELLOW, `\n${tip}\n`, color) : ''}`;
}

/** Turns a result into what the real CLI would print, and its exit code. */
export function renderResult(result: SimResult, options: RenderOptions): Rendered {
  const exitCode = exitCodeOf(result);
  const out = (stdout: string, stderr = ''): Rendered => ({ stdout, stderr, exitCode });
  const { route, requestId, color } = options;
  switch (result.kind) {
    case 'json':
      return out(`${JSON.stringify({ RequestId: requestId, ...result.body }, null, 2)}\n`);
    case 'text':
      return out(result.text, result.stderr ?? '');
    case 'server-error':
      return route === 'plugin'
        ? out('', renderTeaError(result, requestId))
        : out(
            '',
            renderHostError(renderServerError(result, requestId, options.product ?? ''), color),
          );
    case 'host-error':
      return out('', renderHostError(result.message, color, result.tip, result.before));
    case 'plugin-error':
      return out('', `Error: ${result.message}\n`);
    case 'network':
      return route === 'plugin'
        ? out('', `Error: ${result.text}\n`)
        : out('', renderHostError(result.text, color));
    case 'plugin-broken':
      return out(
        'panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x8c2f1a]\n',
      );
  }
}
