import type { webApi } from '@slack/bolt';
import { buildProgressMessage, type SlackMessage } from '../../blocks/progress-message.js';
import { buildInviteHint, buildNotifyLine } from '../../blocks/token-message.js';
import type { DeploymentResult, StepRecord } from '../deploy/outcome.js';
import type { DeploymentAddress, DeploymentReporter } from '../queue/deployment-reporter.js';
import { redactValue } from '../redact.js';
import { buildResultMessage } from './build-result-message.js';
import {
  openDirectMessage,
  sendTokenPrivately,
  type TokenDelivery,
} from './send-token-privately.js';
import { createUpdateCoalescer } from './update-coalescer.js';

export interface SlackReporterOptions {
  readonly client: webApi.WebClient;
  readonly notifyChannel?: string;
  readonly tokenDelivery: TokenDelivery;
  /** At most one parent edit per deployment per interval (default 1000 ms). */
  readonly minUpdateIntervalMs?: number;
  readonly now?: () => number;
  readonly onError?: (error: unknown) => void;
}

const CHANNEL_ERRORS = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);
const slackError = (error: unknown): string | undefined =>
  (error as { data?: { error?: string } } | undefined)?.data?.error;

/** The DeploymentReporter that talks to Slack: parent + checklist, thread reply, private token, notify line. */
export function createSlackReporter(options: SlackReporterOptions): DeploymentReporter {
  const { client } = options;
  const now = options.now ?? Date.now;
  /** Where a deployment's messages go when the bot cannot post in its channel: the requester's DM. */
  const redirects = new Map<string, string>();
  /** The parent message of each running deployment, and the channel it lives in. */
  const parents = new Map<string, { ts: string; channel: string }>();
  const channelOf = (a: DeploymentAddress): string => redirects.get(a.deploymentId) ?? a.channelId;
  const parentOf = (a: DeploymentAddress) =>
    parents.get(a.deploymentId) ??
    (a.parentTs ? { ts: a.parentTs, channel: a.channelId } : undefined);

  /** Posts in the deployment's channel; if the bot is not there, tells the requester privately and uses their DM. */
  const post = async (
    a: DeploymentAddress,
    unredacted: SlackMessage,
    threadTs?: string,
  ): Promise<string> => {
    const channel = channelOf(a);
    const thread = threadTs ? { thread_ts: threadTs } : {};
    const message = redactValue(unredacted);
    try {
      const sent = await client.chat.postMessage({ channel, ...thread, ...message });
      return sent.ts ?? '';
    } catch (error) {
      if (!CHANNEL_ERRORS.has(slackError(error) ?? '') || redirects.has(a.deploymentId))
        throw error;
      const dm = await openDirectMessage(client, a.userId);
      redirects.set(a.deploymentId, dm);
      await client.chat.postMessage({ channel: dm, ...buildInviteHint(a.channelId) });
      // The parent's ts belongs to the channel, so a reply in the DM starts fresh.
      const sent = await client.chat.postMessage({ channel: dm, ...message });
      return sent.ts ?? '';
    }
  };

  /** The last checklist of each running deployment, so the final parent edit keeps it. */
  const lastSteps = new Map<string, readonly StepRecord[]>();
  const progressMessage = (
    a: DeploymentAddress,
    steps: readonly StepRecord[],
    outcome?: DeploymentResult['result'],
  ) =>
    buildProgressMessage({
      serviceName: a.serviceName,
      region: a.region,
      requesterId: a.userId,
      deploymentId: a.deploymentId,
      steps,
      now: now(),
      ...(outcome ? { outcome } : {}),
    });

  const coalescer = createUpdateCoalescer<{
    a: DeploymentAddress;
    steps: readonly StepRecord[];
    outcome?: DeploymentResult['result'];
  }>(
    async (_id, { a, steps, outcome }) => {
      const parent = parentOf(a);
      if (parent)
        await client.chat.update({ ...parent, ...redactValue(progressMessage(a, steps, outcome)) });
    },
    {
      intervalMs: options.minUpdateIntervalMs ?? 1000,
      now,
      onError: options.onError ?? (() => {}),
    },
  );

  const notify = async (
    a: DeploymentAddress,
    result: DeploymentResult,
    ts: string,
  ): Promise<void> => {
    if (!options.notifyChannel) return;
    const channel = channelOf(a);
    const link = await client.chat.getPermalink({ channel, message_ts: ts }).then(
      (r) => r.permalink ?? '',
      () => '',
    );
    const threadLink = link || `slack://channel?id=${channel}&message=${ts}`;
    const line = buildNotifyLine({
      serviceName: a.serviceName,
      region: a.region,
      result: result.result,
      requesterId: a.userId,
      threadLink,
    });
    await client.chat.postMessage({ channel: options.notifyChannel, ...redactValue(line) });
  };

  return {
    async start(a) {
      if (a.parentTs) return a.parentTs;
      const known = parents.get(a.deploymentId);
      if (known) return known.ts;
      const ts = await post(a, progressMessage(a, []));
      parents.set(a.deploymentId, { ts, channel: channelOf(a) });
      return ts;
    },
    async progress(a, steps) {
      lastSteps.set(a.deploymentId, steps);
      coalescer.push(a.deploymentId, { a, steps });
    },
    async finish(a, result, accessToken, onPosted) {
      // One last parent edit (it replaces any pending one): the checklist and how it ended.
      const steps = lastSteps.get(a.deploymentId) ?? [];
      coalescer.push(a.deploymentId, { a, steps, outcome: result.result });
      await coalescer.flush(a.deploymentId);
      const parent = parentOf(a);
      const inThread = parent?.channel === channelOf(a) ? parent.ts : undefined;
      const replyTs = await post(
        a,
        buildResultMessage(result, a.serviceName, a.deploymentId),
        inThread,
      );
      await onPosted?.();
      if (accessToken) {
        const to = { ...a, channelId: channelOf(a), ...(inThread ? { threadTs: inThread } : {}) };
        // The summary is already in the thread with a "Send me the token again" button, so a failed
        // private delivery (no DM scope, a stand-in without conversations.open) must not fail the job.
        await sendTokenPrivately(client, options.tokenDelivery, to, accessToken).catch(
          (error: unknown) => options.onError?.(error),
        );
      }
      await notify(a, result, inThread ?? replyTs).catch((error: unknown) =>
        options.onError?.(error),
      );
      parents.delete(a.deploymentId);
      redirects.delete(a.deploymentId);
      lastSteps.delete(a.deploymentId);
    },
  };
}
