import { buildCommandProblem } from '../../../../blocks/answers.js';
import { buildDeployModal } from '../../../../blocks/deploy-modal.js';
import { tellPrivately } from '../../../report/tell-privately.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { specToPrefill } from '../views/spec-to-prefill.js';
import type { ButtonArgs } from './action-args.js';
import { readMessageAction } from './read-message-action.js';

/** "Redeploy with these settings": the modal again, pre-filled, with the name left for a new one (kept after a dry run). */
export function redeploy(deps: ListenerDeps) {
  return async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const click = readMessageAction(body, action);
    const record = await deps.ports.history.get(click.deploymentId);
    if (!record) {
      return tellPrivately(
        deps.outbox,
        click,
        buildCommandProblem('I no longer have the settings of that deployment.'),
      );
    }
    // After a dry run nothing exists yet: the same name is offered, to deploy it for real.
    const dryRun = record.spec.dryRun;
    const prefill = specToPrefill(record.spec);
    const view = buildDeployModal({
      ...(deps.defaultTtl ? { defaultTtl: deps.defaultTtl } : {}),
      prefill: dryRun ? { ...prefill, service_name: record.spec.serviceName } : prefill,
      channelId: click.channelId ?? record.channelId,
      regions: deps.regions,
      networkMode: record.spec.network.mode,
      workspaces: deps.ports.catalog.peekWorkspaces(record.region),
      ...(dryRun ? {} : { redeployOf: record.serviceName }),
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  };
}
