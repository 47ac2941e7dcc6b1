import type { DeploymentResult, StepRecord } from '../../src/deploy/outcome.js';
import type { DeploymentAddress, DeploymentReporter } from '../../src/queue/deployment-reporter.js';

export interface RecordedReport {
  readonly kind: 'start' | 'progress' | 'finish';
  readonly address: DeploymentAddress;
  readonly steps?: readonly StepRecord[];
  readonly result?: DeploymentResult;
  readonly accessToken?: string;
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
  };
}
