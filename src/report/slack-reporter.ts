import { buildProgressMessage, type SlackMessage } from '../../blocks/progress-message.js';
import { buildInviteHint, buildNotifyLine, buildTokenMessage } from '../../blocks/token-message.js';
import { withWatchStatus } from '../../blocks/watch-status.js';
import type { DeploymentResult, StepRecord } from '../deploy/outcome.js';
import type { DeploymentAddress, DeploymentReporter } from '../queue/deployment-reporter.js';
import { buildResultMessage } from './build-result-message.js';
import { buildServingReportMessage } from './build-serving-message.js';
import { findParent, parentMetadata } from './find-parent.js';
import type { MessageRef, SendOptions, SlackOutbox } from './slack-outbox.js';
import { type PrivateDelivery, tellPrivately } from './tell-privately.js';

export interface SlackReporterOptions {
  readonly outbox: SlackOutbox;
  readonly notifyChannel?: string;
  readonly tokenDelivery: PrivateDelivery;
  readonly now?: () => number;
  readonly onError?: (error: unknown) => void;
}

const CHANNEL_ERRORS = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);
const slackError = (error: unknown): string | undefined =>
  (error as { data?: { error?: string } } | undefined)?.data?.error;

/** The DeploymentReporter that talks to Slack: parent + checklist, thread reply, private token, notify line. */
export function createSlackReporter(options: SlackReporterOptions): DeploymentReporter {
  const { outbox } = options;
  const now = options.now ?? Date.now;
  const onError = options.onError ?? (() => {});
  /** Where a deployment's messages go when the bot cannot post in its channel: the requester's DM. */
  const redirects = new Map<string, string>();
  /** The parent message of each running deployment, and the channel it lives in. */
  const parents = new Map<string, MessageRef>();
  /** The last checklist of each running deployment, so the final parent edit keeps it. */
  const lastSteps = new Map<string, readonly StepRecord[]>();
  const channelOf = (a: DeploymentAddress): string => redirects.get(a.deploymentId) ?? a.channelId;
  const parentOf = (a: DeploymentAddress): MessageRef | undefined =>
    parents.get(a.deploymentId) ??
    (a.parentTs ? { ts: a.parentTs, channel: a.channelId } : undefined);

  /** Posts in the deployment's channel; if the bot is not there, tells the requester privately and uses their DM. */
  const post = async (
    a: DeploymentAddress,
    message: SlackMessage,
    threadTs?: string,
    o?: SendOptions,
  ) => {
    const to = { channel: channelOf(a), ...(threadTs ? { threadTs } : {}) };
    try {
      return await outbox.post(to, message, o);
    } catch (error) {
      if (!CHANNEL_ERRORS.has(slackError(error) ?? '') || redirects.has(a.deploymentId)) {
        throw error;
      }
      await tellPrivately(outbox, { userId: a.userId }, buildInviteHint(a.channelId));
      redirects.set(a.deploymentId, await outbox.openDirectMessage(a.userId));
      // The parent's ts belongs to the channel, so a reply in the DM starts fresh.
      return outbox.post({ channel: channelOf(a) }, message, o);
    }
  };

  const checklist = (
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
      ...(a.dryRun ? { dryRun: true } : {}),
    });

  const notify = async (a: DeploymentAddress, result: DeploymentResult, ts: string) => {
    if (!options.notifyChannel) return;
    const channel = channelOf(a);
    const link = await outbox.permalink({ channel, ts }).catch(() => undefined);
    const line = buildNotifyLine({
      serviceName: a.serviceName,
      region: a.region,
      result: result.result,
      requesterId: a.userId,
      threadLink: link || `slack://channel?id=${channel}&message=${ts}`,
    });
    await outbox.post({ channel: options.notifyChannel }, line);
  };

  return {
    async start(a) {
      if (a.parentTs) return a.parentTs;
      const known = parents.get(a.deploymentId);
      if (known) return known.ts;
      const ts = await post(a, checklist(a, []), undefined, {
        metadata: parentMetadata(a.deploymentId),
      });
      parents.set(a.deploymentId, { ts, channel: channelOf(a) });
      return ts;
    },
    async findStart(a, sinceMs) {
      const ts = await findParent(outbox, a, sinceMs, onError);
      if (ts) parents.set(a.deploymentId, { ts, channel: a.channelId });
      return ts;
    },
    async progress(a, steps) {
      lastSteps.set(a.deploymentId, steps);
      const parent = parentOf(a);
      // A sheddable state: a newer one replaces it while it waits for the budget.
      if (parent) await outbox.edit(parent, checklist(a, steps), { final: false });
    },
    async status(a, { steps, outcome, line }) {
      const parent = parentOf(a);
      // Like progress: a newer status replaces this one while it waits for the budget.
      if (parent) {
        const message = withWatchStatus(checklist(a, steps, outcome), line);
        await outbox.edit(parent, message, { final: false });
      }
    },
    async serving(a, report, { steps, outcome, line }) {
      const parent = parentOf(a);
      const inThread = parent?.channel === channelOf(a) ? parent.ts : undefined;
      // The watch's last status line is the parent's final state (never shed), then the thread line.
      if (parent) {
        const message = withWatchStatus(checklist(a, steps, outcome), line);
        await outbox.edit(parent, message, { final: true }).catch(onError);
      }
      await post(a, buildServingReportMessage(report), inThread);
      redirects.delete(a.deploymentId);
    },
    async finish(a, result, accessToken, onPosted) {
      const parent = parentOf(a);
      const steps = lastSteps.get(a.deploymentId) ?? [];
      // The parent's final state is never shed: the checklist and how it ended.
      const final = parent
        ? outbox.edit(parent, checklist(a, steps, result.result), { final: true }).catch(onError)
        : Promise.resolve();
      const inThread = parent?.channel === channelOf(a) ? parent.ts : undefined;
      const replyTs = await post(
        a,
        buildResultMessage(result, a.serviceName, a.deploymentId),
        inThread,
      );
      await onPosted?.();
      if (accessToken) {
        const where = {
          userId: a.userId,
          channelId: channelOf(a),
          ...(inThread ? { threadTs: inThread } : {}),
        };
        const message = buildTokenMessage({
          serviceName: a.serviceName,
          token: accessToken,
          deploymentId: a.deploymentId,
        });
        // The summary carries "Send me the token again", so a failed private delivery must not fail the job.
        await tellPrivately(outbox, where, message, {
          delivery: options.tokenDelivery,
          secret: true,
        }).catch(onError);
      }
      await notify(a, result, inThread ?? replyTs).catch(onError);
      await final;
      parents.delete(a.deploymentId);
      redirects.delete(a.deploymentId);
      lastSteps.delete(a.deploymentId);
    },
  };
}
