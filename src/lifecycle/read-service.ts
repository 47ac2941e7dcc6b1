import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import { type CliError, describeCliError } from '../aliyun/cli-error.js';
import type { CallTarget } from '../aliyun/commands.js';
import { describeServiceArgs } from '../aliyun/commands.js';
import { LifecycleService } from '../aliyun/lifecycle-schemas.js';
import { TransientLifecycleError } from './lifecycle-context.js';

/** A failure a retry may cure: a timeout, no process, throttling, or the cloud's own 5xx. */
export function isTransient(error: CliError): boolean {
  if (error.kind === 'timeout' || error.kind === 'spawn' || error.kind === 'throttled') return true;
  return error.kind === 'server' && (error.statusCode ?? 500) >= 500;
}

/** Throws for a transient failure (so the job is retried); answers the error otherwise. */
export function failOrRetry(error: CliError): CliError {
  if (isTransient(error)) throw new TransientLifecycleError(describeCliError(error));
  return error;
}

export type ReadAnswer =
  | { kind: 'found'; service: LifecycleService }
  | { kind: 'absent' }
  | { kind: 'error'; error: CliError };

/** DescribeService, read before every lifecycle decision: the cloud is the truth. */
export async function readService(
  deps: CallDeps,
  t: CallTarget,
  name: string,
): Promise<ReadAnswer> {
  const answer = await callCli(deps, describeServiceArgs(t, name), LifecycleService);
  if (answer.ok) return { kind: 'found', service: answer.data };
  const absent = answer.error.statusCode === 404 || answer.error.code === 'InvalidService.NotFound';
  return absent ? { kind: 'absent' } : { kind: 'error', error: failOrRetry(answer.error) };
}
