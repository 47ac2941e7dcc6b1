import { DelayedError, type Job } from 'bullmq';
import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import type { CliRunner } from '../aliyun/cli-runner.js';
import { buildUserAgent, type CallTarget, describeServiceArgs } from '../aliyun/commands.js';
import { Service } from '../aliyun/schemas.js';
import type { Logger } from '../logger.js';
import { buildEndedLine, buildFinalLine, buildWatchingLine } from '../serving/watch-lines.js';
import { checkOffset, isLastCheck, type WatchSchedule } from '../serving/watch-schedule.js';
import type { DeploymentRecords } from './deployment-records.js';
import type { DeploymentReporter, ParentStatus, ServingReport } from './deployment-reporter.js';
import { diagnoseWatchedService } from './diagnose-watched-service.js';
import { probeService } from './probe-service.js';
import { WatchJobData, watchAddress } from './watch-job-data.js';

export interface WatchDeps {
  readonly cli: CliRunner;
  readonly reporter: DeploymentReporter;
  readonly logger: Logger;
  readonly schedule: WatchSchedule;
  /** The serving check's request timeout. */
  readonly probeTimeoutMs: number;
  readonly records?: DeploymentRecords;
  readonly now?: () => number;
}

/** Statuses after which a service will not come up by itself: someone stopped or deleted it. */
const ENDED = new Set(['Stopping', 'Stopped', 'Deleting', 'Deleted', 'DeleteFailed']);

export type WatchEnd = 'serving' | 'not-serving' | 'diagnosed' | 'ended' | 'gone';

/**
 * The serving watch: one describe-service per run; while the service comes up the job moves itself
 * to the next check of the back-off (BullMQ's delayed set), so no worker waits and no sleep loops.
 */
export function createWatchProcessor(deps: WatchDeps) {
  const now = deps.now ?? Date.now;
  return async (job: Job<WatchJobData>, token?: string): Promise<WatchEnd> => {
    const data = WatchJobData.parse(job.data);
    const log = deps.logger.child({ deploymentId: data.deploymentId, service: data.serviceName });
    // The one runner audits every call; the caller tag ties it to the deployment.
    const call: CallDeps = { cli: deps.cli, caller: { deploymentId: data.deploymentId } };
    const t: CallTarget = { region: data.region, userAgent: buildUserAgent(data.deploymentId) };
    const address = watchAddress(data);
    const parent = (line: string): ParentStatus => ({
      steps: data.steps,
      outcome: data.outcome,
      line,
    });
    const waitedMs = now() - data.startedAt;

    const described = await callCli(call, describeServiceArgs(t, data.serviceName), Service);
    const service = described.ok ? described.data : undefined;
    const notFound =
      !described.ok &&
      (described.error.statusCode === 404 || described.error.code === 'InvalidService.NotFound');
    const status = service?.Status ?? (notFound ? 'not found' : 'Unknown');
    log.info({ check: data.checks + 1, status }, 'serving watch: status read');
    if (status !== data.lastStatus && service) {
      await deps.records?.update(data.deploymentId, { serviceStatus: status }).catch(() => {});
    }

    const report = async (r: ServingReport, serving: boolean, line: string, end: WatchEnd) => {
      await deps.reporter.serving(address, r, parent(buildFinalLine(serving, line)));
      log.info({ end, line }, 'serving watch finished');
      return end;
    };
    const diagnose = async (stuck: boolean) => {
      const diagnosis = await diagnoseWatchedService(call, t, data, {
        status,
        stuck,
        waitedMs,
        ...(service ? { service } : {}),
      });
      return report({ kind: 'diagnosis', diagnosis }, false, diagnosis.line, 'diagnosed');
    };

    if (data.kind === 'diagnose') {
      // Nothing was created after all: there is nothing to explain beyond the failure already posted.
      if (notFound) return 'gone';
      return diagnose(false);
    }
    if (service && status === 'Running') {
      const probe = await probeService(call, t, data, service, deps.probeTimeoutMs);
      const r: ServingReport = {
        kind: 'probe',
        verdict: probe.verdict,
        ...(probe.curl ? { curl: probe.curl } : {}),
      };
      const end = probe.verdict.serving ? 'serving' : 'not-serving';
      return report(r, probe.verdict.serving, probe.verdict.line, end);
    }
    if (status === 'Failed') return diagnose(false);
    if (ENDED.has(status)) {
      await deps.reporter.status(address, parent(buildEndedLine(status)));
      return 'ended';
    }
    // Past EAS_WATCH_MAX (the checks ran late, or no worker ran for a while): this is the last one.
    const overdue = waitedMs >= deps.schedule.maxMs;
    if (overdue || isLastCheck(deps.schedule, data.checks)) return diagnose(true);
    // Only a status the cloud reported is news for the parent; a failed read is not.
    if (service && status !== data.lastStatus) {
      await deps.reporter.status(address, parent(buildWatchingLine(status, deps.schedule.maxMs)));
    }
    const lastStatus = service ? status : data.lastStatus;
    await job.updateData({
      ...data,
      checks: data.checks + 1,
      ...(lastStatus ? { lastStatus } : {}),
    });
    await job.moveToDelayed(data.startedAt + checkOffset(deps.schedule, data.checks + 1), token);
    throw new DelayedError();
  };
}
