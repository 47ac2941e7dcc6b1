import type { CliRunner } from '../aliyun/cli-runner.js';
import type { AuditLog } from './audit-log.js';

/**
 * Wraps the CLI seam so that every call of one deployment becomes a `cli-step` audit entry
 * (argv redacted by the audit log, exit code, duration). The worker builds one per job:
 * `cli: createAuditedCliRunner(deps.cli, audit, deploymentId)`.
 */
export function createAuditedCliRunner(
  inner: CliRunner,
  audit: AuditLog,
  deploymentId: string,
): CliRunner {
  return {
    async run(args, options) {
      const result = await inner.run(args, options);
      // Recording must never change the outcome of a step; append reports failure as a value.
      await audit.append({
        kind: 'cli-step',
        deploymentId,
        argv: [...args],
        exitCode: result.exitCode ?? null,
        durationMs: result.durationMs,
        ...(result.timedOut ? { timedOut: true } : {}),
      });
      return result;
    },
  };
}
