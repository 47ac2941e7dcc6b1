import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildDeployModal, type Prefill } from '../../../blocks/deploy-modal.js';
import type { ListenerDeps } from '../listener-deps.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** Opens the deploy modal at once: only cached data before views.open, never a CLI call or Redis. */
export async function openDeployModal(
  deps: ListenerDeps,
  args: Args,
  prefill: Prefill,
): Promise<void> {
  await args.ack();
  const { catalog } = deps.ports;
  const withCommand = { ...prefill };
  if (!withCommand.command && prefill.region && prefill.image) {
    const command = catalog.peekImageCommand(prefill.region, prefill.image);
    if (command) withCommand.command = command;
  }
  const view = buildDeployModal({
    prefill: withCommand,
    channelId: args.command.channel_id,
    regions: deps.regions,
    workspaces: catalog.peekWorkspaces(prefill.region),
  });
  const opened = await args.client.views.open({ trigger_id: args.command.trigger_id, view }).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (opened) {
    args.logger.warn('views.open failed', opened);
    await args.respond({
      response_type: 'ephemeral',
      text: 'I could not open the deploy form (Slack said no in time). Please run /eas-deploy again.',
    });
  }
}
