import type { ListenerDeps } from '../../listener-deps.js';
import { UPDATE_BUDGET_MS, withinBudget } from '../../within-budget.js';
import type { SelectArgs } from './action-args.js';
import { readModalSnapshot, updateDeployModal } from './rebuild-modal.js';

/**
 * Region picked: its ENABLED workspaces are listed (cached per region) and the modal shows a
 * workspace select only when there are several. The modal is already open, so the CLI call is fine.
 */
export function changeRegion(deps: ListenerDeps) {
  return async ({ ack, body, action, client, logger }: SelectArgs): Promise<void> => {
    await ack();
    const snapshot = readModalSnapshot(body.view);
    const region = action.selected_option?.value;
    if (!snapshot || !region) return;
    deps.ports.catalog.warm(region);
    const workspaces = await withinBudget(
      () => deps.ports.catalog.listWorkspaces(region),
      UPDATE_BUDGET_MS,
      (reason, error) => {
        // Without the list the worker still picks the only workspace, or stops and says to choose.
        logger.warn(`listWorkspaces ${reason}`, error);
        return [];
      },
    );
    const { workspace: _stale, ...rest } = snapshot.prefill;
    await updateDeployModal(
      { client, logger },
      deps,
      { ...snapshot, prefill: { ...rest, region } },
      workspaces,
    );
  };
}
