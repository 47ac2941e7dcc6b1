/** How one call ends; rendered to stdout/stderr/exit code by renderResult. */
export type SimResult =
  | { kind: 'json'; body: Record<string, unknown> }
  | { kind: 'text'; text: string }
  | { kind: 'server-error'; status: number; code: string; message: string }
  | { kind: 'usage'; message: string }
  | { kind: 'timeout'; method: string; url: string }
  | { kind: 'plugin-missing'; product: string; plugin: string }
  | { kind: 'plugin-broken' };

/** A JSON success answer. */
export function jsonResult(body: Record<string, unknown>): SimResult {
  return { kind: 'json', body };
}

/** A server error as the EAS API answers it (the plugin prints it as a Tea SDKError). */
export function serverError(status: number, code: string, message: string): SimResult {
  return { kind: 'server-error', status, code, message };
}

/** 400 InvalidParameter with the reason a user can act on. */
export function invalidParameter(message: string): SimResult {
  return serverError(400, 'InvalidParameter', message);
}

/** A usage error of the CLI itself (exit code 2). */
export function usageError(message: string): SimResult {
  return { kind: 'usage', message };
}

/** Exit code of a result, known before anything is printed (the call log records it). */
export function exitCodeOf(result: SimResult): number {
  switch (result.kind) {
    case 'json':
    case 'text':
    case 'plugin-broken':
      return 0;
    case 'usage':
      return 2;
    case 'plugin-missing':
      return 4;
    default:
      return 1;
  }
}
