import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import { type CliError, isTransient } from '../aliyun/cli-error.js';
import type { CallTarget } from '../aliyun/commands.js';
import { describeServiceArgs } from '../aliyun/commands.js';
import { describeCliError } from '../aliyun/explain-cli-error.js';
import { LifecycleService } from '../aliyun/lifecycle-schemas.js';
import { TransientLifecycleError } from './lifecycle-context.js';

/** A failure a later run of the job may cure: the network, throttling, no process, a 5xx. */
export function isWorthAnotherRun(error: CliError): boolean {
  if (isTransient(error) || error.kind === 'spawn') return true;
  return error.kind === 'server' && (error.statusCode ?? 500) >= 500;
}

/** Throws for a transient failure (so the job is retried); answers the error otherwise. */
export function failOrRetry(error: CliError): CliError {
  if (isWorthAnotherRun(error)) throw new TransientLifecycleError(describeCliError(error));
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
  const absent =
    answer.error.kind === 'not-found' ||
    answer.error.statusCode === 404 ||
    answer.error.code === 'InvalidService.NotFound';
  return absent ? { kind: 'absent' } : { kind: 'error', error: failOrRetry(answer.error) };
}
