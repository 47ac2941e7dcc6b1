import type { ListenerDeps } from '../../listener-deps.js';
import type { SelectArgs } from './action-args.js';
import { readModalSnapshot, updateDeployModal } from './rebuild-modal.js';

/** Network mode picked: views.update shows only that mode's fields; same block ids keep typed values. */
export function changeNetwork(deps: ListenerDeps) {
  return async ({ ack, body, action, client, logger }: SelectArgs): Promise<void> => {
    await ack();
    const snapshot = readModalSnapshot(body.view);
    if (!snapshot) return;
    const network = action.selected_option?.value ?? 'shared';
    await updateDeployModal({ client, logger }, deps, {
      ...snapshot,
      prefill: { ...snapshot.prefill, network },
    });
  };
}
