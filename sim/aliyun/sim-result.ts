/**
 * How one call ends; rendered to stdout/stderr/exit code by renderResult, which knows who speaks:
 * the host CLI (red `ERROR:`, exits 1/2/3, never 4), a plugin binary (its own text and exit code) or
 * a built-in API call (the `SDK.ServerError` block).
 */
export type SimResult =
  | { kind: 'json'; body: Record<string, unknown> }
  /** Plain text on stdout (help, `plugin list`), maybe with notes on stderr first. */
  | { kind: 'text'; text: string; stderr?: string }
  /** An API's error answer; the caller's route decides how it is printed. */
  | { kind: 'server-error'; status: number; code: string; message: string; authAction?: string }
  /** The host CLI's own error: `ERROR: <message>` (red), a yellow tip for exit 3, notes printed before it. */
  | { kind: 'host-error'; message: string; exit: 1 | 2 | 3; tip?: string; before?: string }
  /** A plugin binary's own error text (cobra style `Error: …`), passed through with its exit code. */
  | { kind: 'plugin-error'; message: string; exit: number }
  /** A Go network error text, e.g. `dial tcp 1.2.3.4:443: i/o timeout`. */
  | { kind: 'network'; text: string }
  /** What a half-installed plugin binary prints: not JSON, exit 0. */
  | { kind: 'plugin-broken' };

/** A JSON success answer. */
export function jsonResult(body: Record<string, unknown>): SimResult {
  return { kind: 'json', body };
}

/** A server error as the API answers it. */
export function serverError(status: number, code: string, message: string): SimResult {
  return { kind: 'server-error', status, code, message };
}

/** 400 InvalidParameter with the reason a user can act on. */
export function invalidParameter(message: string): SimResult {
  return serverError(400, 'InvalidParameter', message);
}

/** A usage error of the host CLI (exit 2: a bad flag, command, product or api). */
export function usageError(message: string): SimResult {
  return { kind: 'host-error', message, exit: 2 };
}

/** Exit code of a result, known before anything is printed (the call log records it). */
export function exitCodeOf(result: SimResult): number {
  switch (result.kind) {
    case 'json':
    case 'text':
    case 'plugin-broken':
      return 0;
    case 'host-error':
      return result.exit;
    case 'plugin-error':
      return result.exit;
    default:
      return 1;
  }
}
