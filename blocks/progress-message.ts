import type { types } from '@slack/bolt';
import type { DeploymentResult, StepRecord } from '../src/deploy/outcome.js';
import { context, escapeMrkdwn, section } from './text.js';

export interface SlackMessage {
  readonly text: string;
  readonly blocks: types.KnownBlock[];
}

const MARK: Record<StepRecord['status'], string> = {
  running: '⏳',
  passed: '✓',
  blocked: '✗',
  failed: '✗',
  skipped: '–',
};

/** Seconds with one decimal under a minute, else minutes and seconds. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  return `${Math.floor(seconds / 60)}m ${Math.round(seconds % 60)}s`;
}

function stepLine(step: StepRecord, now: number): string {
  const elapsed =
    step.startedAt === undefined
      ? ''
      : ` (${formatElapsed((step.finishedAt ?? now) - step.startedAt)})`;
  const detail = step.detail ? ` — ${escapeMrkdwn(step.detail)}` : '';
  return `${MARK[step.status]} ${escapeMrkdwn(step.title)}${detail}${elapsed}`;
}

/** The parent message's headline while it runs, also its notification text; a dry run only checks. */
export function buildParentText(serviceName: string, region: string, dryRun = false): string {
  return dryRun
    ? `Checking \`${serviceName}\` for ${region} (dry run: nothing will be created)…`
    : `Deploying \`${serviceName}\` to ${region}…`;
}

/** How a deployment ended, as the parent's headline says it once the thread has the details. */
function buildOutcomeText(
  outcome: DeploymentResult['result'],
  serviceName: string,
  region: string,
  dryRun: boolean,
): string {
  const name = `\`${serviceName}\``;
  switch (outcome) {
    case 'deployed':
      return `✓ Deployed ${name} to ${region}`;
    case 'dry-run':
      return `✓ Dry run passed for ${name} in ${region}; nothing was created`;
    case 'blocked':
      return `✗ Stopped: ${name} was not created in ${region}`;
    case 'failed':
      return dryRun
        ? `✗ Checking ${name} for ${region} failed`
        : `✗ Deploying ${name} to ${region} failed`;
  }
}

/** The parent message: the headline and the checklist so far (✓ / ✗ / ⏳ with elapsed time). */
export function buildProgressMessage(input: {
  serviceName: string;
  region: string;
  requesterId: string;
  /** Shown so a person can quote it: the same id is in the logs, the audit and the CLI user agent. */
  deploymentId?: string;
  steps: readonly StepRecord[];
  now: number;
  outcome?: DeploymentResult['result'];
  /** A dry run: the headline says it checks, never that it deploys. */
  dryRun?: boolean;
}): SlackMessage {
  const dryRun = input.dryRun ?? false;
  const headline = input.outcome
    ? buildOutcomeText(input.outcome, input.serviceName, input.region, dryRun)
    : buildParentText(input.serviceName, input.region, dryRun);
  const lines = input.steps.map((s) => stepLine(s, input.now));
  return {
    text: headline,
    blocks: [
      section(`*${headline}*`),
      ...(lines.length > 0 ? [section(lines.join('\n'))] : []),
      context(
        `Requested by <@${input.requesterId}> · ${input.outcome ? 'the result is in the thread' : 'details follow in the thread'}${input.deploymentId ? ` · deployment ${input.deploymentId}` : ''}`,
      ),
    ],
  };
}
