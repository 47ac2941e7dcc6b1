import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildDeployModal, type DroppedValue } from '../../../../blocks/deploy-modal.js';
import type { Prefill } from '../../../../blocks/ids.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { UPDATE_BUDGET_MS, withinBudget } from '../../within-budget.js';
import { updateDeployModal } from '../actions/rebuild-modal.js';
import { checkPrefill, checkPrefillWorkspace } from './check-prefill.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
/** What is still needed once the form is open (not Bolt's whole listener context). */
type AfterOpen = Pick<Args, 'client' | 'logger' | 'respond'> & { readonly channelId: string };

/** A view Slack opened: the ids a later views.update needs. */
interface ShownView {
  readonly id: string;
  readonly hash: string;
}

/**
 * Opens the deploy modal: acknowledges, then views.open with the trigger (valid for 3 s). Only
 * cached data goes into the form, never a CLI call or Redis before the open.
 */
export async function openDeployModal(
  deps: ListenerDeps,
  args: Args,
  given: Prefill,
): Promise<void> {
  await args.ack();
  const { catalog } = deps.ports;
  const { prefill: kept, dropped } = checkPrefill(given, deps.regions);
  const withCommand = { ...kept };
  if (!withCommand.command && kept.region && kept.image) {
    const command = catalog.peekImageCommand(kept.region, kept.image);
    if (command) withCommand.command = command;
  }
  const { client, logger, respond } = args;
  const workspaces = catalog.peekWorkspaces(kept.region);
  const wrongWorkspace = workspaces && checkPrefillWorkspace(kept, workspaces);
  if (wrongWorkspace) dropped.push(wrongWorkspace);
  const view = buildDeployModal({
    ...(deps.defaultTtl ? { defaultTtl: deps.defaultTtl } : {}),
    prefill: withCommand,
    channelId: args.command.channel_id,
    regions: deps.regions,
    ...(workspaces ? { workspaces } : {}),
    dropped,
  });
  const after: AfterOpen = { client, logger, respond, channelId: args.command.channel_id };
  const opened = await client.views
    .open({ trigger_id: args.command.trigger_id, view })
    .then((answer) => answer.view)
    .catch((error: unknown) => notOpened(after, error));
  if (opened && withCommand.region) catalog.warm(withCommand.region);
  if (opened?.id && opened.hash)
    await afterOpened(deps, after, withCommand, { id: opened.id, hash: opened.hash }, dropped);
}

/** Slack did not open the form: the person is told privately and can run the command again. */
async function notOpened(after: AfterOpen, error: unknown): Promise<undefined> {
  after.logger.warn('views.open failed', error);
  await after
    .respond({
      response_type: 'ephemeral',
      text: 'I could not open the deploy form (Slack said no in time). Please run /eas-deploy again.',
    })
    .catch((failed: unknown) => after.logger.warn('respond after views.open failed', failed));
}

/**
 * A pre-filled region not seen before: once the form is open, list its workspaces and show the
 * select if several (and name a pre-filled workspace that is not one of them).
 */
async function afterOpened(
  deps: ListenerDeps,
  after: AfterOpen,
  prefill: Prefill,
  opened: ShownView,
  dropped: readonly DroppedValue[],
): Promise<void> {
  const { region } = prefill;
  if (!region || deps.ports.catalog.peekWorkspaces(region)) return;
  const workspaces = await withinBudget(
    () => deps.ports.catalog.listWorkspaces(region),
    UPDATE_BUDGET_MS,
    (reason, error) => {
      after.logger.warn(`listWorkspaces ${reason}`, error);
      return [];
    },
  );
  const wrongWorkspace = checkPrefillWorkspace(prefill, workspaces);
  if (workspaces.length < 2 && !wrongWorkspace) return;
  await updateDeployModal(
    after,
    deps,
    {
      viewId: opened.id,
      hash: opened.hash,
      prefill: { ...prefill, region },
      channelId: after.channelId,
      dropped: wrongWorkspace ? [...dropped, wrongWorkspace] : dropped,
    },
    workspaces,
  ).catch((error: unknown) => after.logger.warn('views.update with workspaces failed', error));
}
