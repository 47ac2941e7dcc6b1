import { parseCliError } from '../aliyun/cli-error.js';
import {
  type CallerTag,
  type CliResult,
  type CliRunner,
  createExecaCliRunner,
} from '../aliyun/cli-runner.js';
import type { Config } from '../config.js';
import type { Metrics } from '../observability/metrics.js';
import type { AuditLog } from '../security/audit-log.js';

export interface CliDeps {
  readonly config: Pick<Config, 'ALIYUN_CLI'>;
  /** The CLI child's whole environment (credentials, region, simulator settings). */
  readonly env: Record<string, string>;
  readonly audit?: AuditLog;
  readonly metrics?: Metrics;
}

/**
 * Records one finished call: a `cli-step` audit entry (argv redacted by the audit log, exit code,
 * duration, who it was for) and, when it failed, a count on /metrics under its error code.
 */
export async function recordCliCall(
  deps: Pick<CliDeps, 'audit' | 'metrics'>,
  result: CliResult,
  caller: CallerTag | undefined,
): Promise<void> {
  if (result.exitCode !== 0 && deps.metrics) {
    const error = parseCliError(result);
    deps.metrics.countCliError(error.code ?? error.kind);
  }
  // append reports a failure as a value and logs it: recording never changes a call's outcome.
  await deps.audit?.append({
    kind: 'cli-step',
    ...(caller?.deploymentId ? { deploymentId: caller.deploymentId } : {}),
    ...(caller?.userId ? { userId: caller.userId } : {}),
    ...(caller?.purpose ? { purpose: caller.purpose } : {}),
    argv: [...result.args],
    exitCode: result.exitCode ?? null,
    durationMs: result.durationMs,
    ...(result.timedOut ? { timedOut: true } : {}),
  });
}

/** The one CLI runner of a process, bot or worker: every call it makes is recorded (recordCliCall). */
export function createCli(deps: CliDeps): CliRunner {
  return createExecaCliRunner({
    executable: deps.config.ALIYUN_CLI,
    env: deps.env,
    onCall: (result, caller) => recordCliCall(deps, result, caller),
  });
}
