import type { types } from '@slack/bolt';
import type { DeploymentResult, DeploymentSummary } from '../src/deploy/outcome.js';
import { ACTION } from './ids.js';
import type { SlackMessage } from './progress-message.js';
import { buildServiceButtons } from './service-buttons.js';
import { button, context, escapeMrkdwn, section, truncate } from './text.js';

const NOT_AVAILABLE = '(not available for this network type)';

function endpointLines(summary: DeploymentSummary): string {
  if (summary.endpoints.length === 0)
    return `Internet: ${NOT_AVAILABLE}\nIntranet: ${NOT_AVAILABLE}`;
  return summary.endpoints
    .map(
      (e) =>
        `*${escapeMrkdwn(e.type)}*\n• Internet: ${e.internet ?? NOT_AVAILABLE}\n• Intranet: ${e.intranet ?? NOT_AVAILABLE}`,
    )
    .join('\n');
}

/**
 * The buttons under a result: one describe per Refresh click, a pre-filled modal for Redeploy, and
 * (for a created service) the token again, which only the requester receives.
 */
export function buildResultButtons(deploymentId: string, withToken = false): types.ActionsBlock {
  return {
    type: 'actions',
    block_id: 'result_actions',
    elements: [
      button('Refresh status', ACTION.refreshStatus, deploymentId),
      button('Redeploy with settings', ACTION.redeploy, deploymentId),
      ...(withToken ? [button('Send me the token again', ACTION.resendToken, deploymentId)] : []),
    ],
  };
}

/** The Deployment Summary as a thread reply: endpoints, port, curl with `<AccessToken>`, notes. */
export function buildSummaryMessage(
  summary: DeploymentSummary,
  deploymentId: string,
): SlackMessage {
  const name = escapeMrkdwn(summary.serviceName);
  const curls = summary.curlExamples
    .map((c) => `\`\`\`${escapeMrkdwn(truncate(c, 900))}\`\`\``)
    .join('\n');
  return {
    text: `\`${summary.serviceName}\` is ${summary.status} in ${summary.region}`,
    blocks: [
      section(
        `*Deployment summary — \`${name}\`*\nStatus: *${escapeMrkdwn(summary.status)}* · Region: ${summary.region} · Port: ${summary.port}`,
      ),
      section(endpointLines(summary)),
      ...(curls ? [section(`*Try it* (your token was sent to you privately):\n${curls}`)] : []),
      ...(summary.consoleUrl
        ? [section(`<${summary.consoleUrl}|Open in the PAI-EAS console>`)]
        : []),
      ...(summary.notes.length > 0 ? [context(summary.notes.map(escapeMrkdwn).join('\n'))] : []),
      ...(summary.lifetime ? [context(describeLifetime(summary.lifetime))] : []),
      buildResultButtons(deploymentId, true),
      buildServiceButtons(summary.region, summary.serviceName, {
        extendBy: summary.lifetime?.extendBy ?? '1d',
      }),
    ],
  };
}

/** "⏳ It expires … (in 1d). Cost: about USD 1.20/h, USD 28.80 until expiry." */
function describeLifetime(l: NonNullable<DeploymentSummary['lifetime']>): string {
  const cost = l.cost ? ` Cost: ${escapeMrkdwn(l.cost)}.` : '';
  const when = l.expiry.startsWith('never')
    ? 'It never expires: stop or delete it when you are done.'
    : `It ${escapeMrkdwn(l.expiry)}; you will be asked before then.`;
  return `⏳ ${when}${cost}`;
}

/** A dry run's answer: what would have been created. */
export function buildDryRunMessage(
  result: Extract<DeploymentResult, { result: 'dry-run' }>,
  deploymentId: string,
): SlackMessage {
  return {
    text: `Dry run passed for \`${result.serviceName}\` in ${result.region}; nothing was created.`,
    blocks: [
      section(
        `*Dry run passed* for \`${escapeMrkdwn(result.serviceName)}\` in ${result.region}. Every check passed; nothing was created.`,
      ),
      section(
        `Service JSON that would be sent:\n\`\`\`${truncate(result.serviceJson, 2800)}\`\`\``,
      ),
      ...(result.notes.length > 0 ? [context(result.notes.map(escapeMrkdwn).join('\n'))] : []),
      // Nothing exists to refresh: the one next step is deploying these settings for real.
      {
        type: 'actions',
        block_id: 'result_actions',
        elements: [button('Deploy these settings', ACTION.redeploy, deploymentId)],
      },
    ],
  };
}

/** A deployment that stopped at a gate or failed: what, why, and what to do next, in plain words. */
export function buildProblemMessage(input: {
  kind: 'blocked' | 'failed';
  serviceName: string;
  step: string;
  reason: string;
  error?: string;
  deploymentId: string;
}): SlackMessage {
  const what =
    input.kind === 'blocked'
      ? `Stopped before changing anything: \`${escapeMrkdwn(input.serviceName)}\` was not created.`
      : `Deploying \`${escapeMrkdwn(input.serviceName)}\` failed.`;
  const next =
    input.kind === 'blocked'
      ? 'Fix the setting named above and press *Redeploy with settings*.'
      : 'Press *Refresh status* to see where the service stands, or *Redeploy with settings* to try again.';
  return {
    text: `${what} ${input.reason}`,
    blocks: [
      section(`*${what}*`),
      section(
        `*Step:* ${escapeMrkdwn(input.step)}\n*Why:* ${escapeMrkdwn(input.reason)}${input.error ? `\n*Error:* \`${escapeMrkdwn(truncate(input.error, 500))}\`` : ''}`,
      ),
      section(`*Next:* ${next}`),
      buildResultButtons(input.deploymentId),
    ],
  };
}
