import type { CliError } from '../aliyun/cli-error.js';
import { describeCliError } from '../aliyun/explain-cli-error.js';

/** A read-only gate's answer: what it found, why it stops the deployment, or the CLI's error. */
export type GateResult<T> =
  | { status: 'passed'; value: T; detail: string }
  | { status: 'blocked'; reason: string }
  | { status: 'failed'; reason: string; error: string };

/** A gate that found what it needed. */
export const passed = <T>(value: T, detail: string): GateResult<T> => ({
  status: 'passed',
  value,
  detail,
});
/** A gate that stops the deployment, with the reason a person reads. */
export const blocked = <T>(reason: string): GateResult<T> => ({ status: 'blocked', reason });

/** A failed call as a gate result: "Could not list gateways: 403 Forbidden.RAM: …". */
export function failedCall<T>(what: string, error: CliError): GateResult<T> {
  const text = describeCliError(error);
  return { status: 'failed', reason: `Could not ${what}: ${text}`, error: text };
}
