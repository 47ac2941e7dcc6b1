import type { DeploymentResult, StepRecord } from '../../src/deploy/outcome.js';
import type {
  DeploymentAddress,
  DeploymentReporter,
  ParentStatus,
  ServingReport,
} from '../../src/queue/deployment-reporter.js';

export interface RecordedReport {
  readonly kind: 'start' | 'progress' | 'finish' | 'status' | 'serving';
  readonly address: DeploymentAddress;
  readonly steps?: readonly StepRecord[];
  readonly result?: DeploymentResult;
  readonly accessToken?: string;
  readonly status?: ParentStatus;
  readonly serving?: ServingReport;
}

/** A DeploymentReporter that remembers what it was told, for processor tests. */
export function createRecordingReporter(): DeploymentReporter & { reports: RecordedReport[] } {
  const reports: RecordedReport[] = [];
  let ts = 1_700_000_000;
  const parents = new Map<string, string>();
  return {
    reports,
    async start(address) {
      reports.push({ kind: 'start', address });
      ts += 1;
      parents.set(address.deploymentId, `${ts}.000100`);
      return `${ts}.000100`;
    },
    async findStart(address) {
      // The recorder's own starts are the channel it could look in.
      return parents.get(address.deploymentId);
    },
    async progress(address, steps) {
      reports.push({ kind: 'progress', address, steps });
    },
    async finish(address, result, accessToken) {
      reports.push({ kind: 'finish', address, result, ...(accessToken ? { accessToken } : {}) });
    },
    async status(address, status) {
      reports.push({ kind: 'status', address, status });
    },
    async serving(address, serving, status) {
      reports.push({ kind: 'serving', address, serving, status });
    },
  };
}
