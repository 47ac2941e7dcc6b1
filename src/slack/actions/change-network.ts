import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { buildDeployModal } from '../../../blocks/deploy-modal.js';
import { NETWORK_MODES } from '../../../blocks/ids.js';
import type { ListenerDeps } from '../listener-deps.js';
import { readPrivateMetadata } from '../views/read-private-metadata.js';
import { readStateValues } from '../views/read-state-values.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>;

/** Network mode picked: views.update shows only that mode's fields; same block ids keep typed values. */
export function changeNetwork(deps: ListenerDeps) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const mode = NETWORK_MODES.find((m) => m === action.selected_option?.value) ?? 'shared';
    const view = body.view;
    const meta = readPrivateMetadata(view?.private_metadata);
    if (!view || !meta) return;
    const prefill = readStateValues(view.state.values);
    await client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: buildDeployModal({
        prefill,
        channelId: meta.channelId,
        regions: deps.regions,
        networkMode: mode,
        workspaces: deps.ports.catalog.peekWorkspaces(prefill.region),
      }),
    });
  };
}
