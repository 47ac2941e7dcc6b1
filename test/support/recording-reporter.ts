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
  return {
    reports,
    async start(address) {
      reports.push({ kind: 'start', address });
      ts += 1;
      return `${ts}.000100`;
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
