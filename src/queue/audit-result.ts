import type { DeploymentResult } from '../deploy/outcome.js';

/** The result as an audit entry reads it: the outcome word and, when it stopped, why. */
export function describeResultForAudit(result: DeploymentResult): {
  result: string;
  detail?: string;
} {
  switch (result.result) {
    case 'deployed':
      return {
        result: 'deployed',
        detail: `${result.summary.serviceName} ${result.summary.status}`,
      };
    case 'dry-run':
      return { result: 'dry-run', detail: result.serviceName };
    case 'blocked':
    case 'failed':
      return { result: result.result, detail: `${result.step}: ${result.reason}` };
  }
}
