import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildDeployModal, type Prefill } from '../../../blocks/deploy-modal.js';
import { updateDeployModal } from '../actions/rebuild-modal.js';
import type { ListenerDeps } from '../listener-deps.js';
import { openView, type ShownView } from '../send-view.js';
import type { ModalOpener } from '../views-thread/views-thread.js';
import { withinBudget } from '../within-budget.js';

/** How long a pre-filled region waits for list-workspaces after the form is open. */
const WORKSPACES_BUDGET_MS = 10_000;

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
  const open: ModalOpener =
    deps.openModal ?? ((triggerId, shown) => openView(args.client, triggerId, shown));
  const opened = await open(args.command.trigger_id, view).catch((error: unknown) => {
    args.logger.warn('views.open failed', error);
    return undefined;
  });
  if (!opened) {
    await args.respond({
      response_type: 'ephemeral',
      text: 'I could not open the deploy form (Slack said no in time). Please run /eas-deploy again.',
    });
    return;
  }
  if (prefill.region && !catalog.peekWorkspaces(prefill.region)) {
    await showWorkspaces(deps, args, { ...withCommand, region: prefill.region }, opened);
  }
}

/** A pre-filled region not seen before: once the form is open, list its workspaces and show the select if several. */
async function showWorkspaces(
  deps: ListenerDeps,
  args: Args,
  prefill: Prefill & { region: string },
  opened: ShownView,
): Promise<void> {
  const workspaces = await withinBudget(
    deps.ports.catalog.listWorkspaces(prefill.region),
    WORKSPACES_BUDGET_MS,
    () => [],
  );
  if (workspaces.length < 2) return;
  await updateDeployModal(
    args,
    deps,
    { viewId: opened.id, hash: opened.hash, prefill, channelId: args.command.channel_id },
    workspaces,
  ).catch((error: unknown) => args.logger.warn('views.update with workspaces failed', error));
}
