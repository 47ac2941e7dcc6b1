import { exitCodeOf, type SimResult } from './sim-result.js';

export interface Rendered {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Prints a server error exactly as the Tea SDK of the plugin does. */
function renderSdkError(status: number, code: string, message: string, requestId: string): string {
  const data = JSON.stringify({
    Code: code,
    Message: message,
    RequestId: requestId,
    statusCode: status,
  });
  return [
    'SDKError:',
    `   StatusCode: ${status}`,
    `   Code: ${code}`,
    `   Message: code: ${status}, ${message} request id: ${requestId}`,
    `   Data: ${data}`,
    '',
  ].join('\n');
}

/** Turns a result into what the real CLI would print, and its exit code. */
export function renderResult(result: SimResult, requestId: string): Rendered {
  const exitCode = exitCodeOf(result);
  switch (result.kind) {
    case 'json':
      return {
        stdout: `${JSON.stringify({ RequestId: requestId, ...result.body }, null, 2)}\n`,
        stderr: '',
        exitCode,
      };
    case 'text':
      return { stdout: result.text, stderr: '', exitCode };
    case 'server-error':
      return {
        stdout: '',
        stderr: renderSdkError(result.status, result.code, result.message, requestId),
        exitCode,
      };
    case 'usage':
      return { stdout: '', stderr: `ERROR: ${result.message}\n`, exitCode };
    case 'timeout':
      return {
        stdout: '',
        stderr: `ERROR: ${result.method} "${result.url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\n`,
        exitCode,
      };
    case 'plugin-missing':
      return {
        stdout: '',
        stderr:
          `ERROR: '${result.product}' is not a valid built-in product.\n` +
          `A plugin '${result.plugin}' is available for product '${result.product}'. ` +
          `Run 'aliyun plugin install --names ${result.plugin}' to install it.\n`,
        exitCode,
      };
    case 'plugin-broken':
      // What a half-installed plugin binary prints: the skill's jq then fails with "parse error".
      return {
        stdout:
          'panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x8c2f1a]\n',
        stderr: '',
        exitCode,
      };
  }
}
