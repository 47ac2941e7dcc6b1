import type { SlackMessage } from '../../blocks/progress-message.js';
import {
  buildDryRunMessage,
  buildProblemMessage,
  buildSummaryMessage,
} from '../../blocks/result-message.js';
import type { DeploymentResult } from '../deploy/outcome.js';

/** The thread reply for any result: summary, dry run, or what stopped it and what to do next. */
export function buildResultMessage(
  result: DeploymentResult,
  serviceName: string,
  deploymentId: string,
): SlackMessage {
  switch (result.result) {
    case 'deployed':
      return buildSummaryMessage(result.summary, deploymentId);
    case 'dry-run':
      return buildDryRunMessage(result, deploymentId);
    case 'blocked':
      return buildProblemMessage({
        kind: 'blocked',
        serviceName,
        step: result.step,
        reason: result.reason,
        deploymentId,
      });
    case 'failed':
      return buildProblemMessage({
        kind: 'failed',
        serviceName,
        step: result.step,
        reason: result.reason,
        deploymentId,
        ...(result.error ? { error: result.error } : {}),
      });
  }
}
