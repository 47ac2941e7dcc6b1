import { detectFramework, FRAMEWORKS, fillCommand } from '../../../deploy/framework.js';
import type { ListenerDeps } from '../../listener-deps.js';
import type { ExternalSelectArgs } from './action-args.js';
import { readModalSnapshot, updateDeployModal } from './rebuild-modal.js';

/** The image's own start command (its label), else its framework's usual one, for this port. */
export function suggestCommand(
  deps: ListenerDeps,
  region: string | undefined,
  image: string,
  port: number,
): string | undefined {
  const own = region ? deps.ports.catalog.peekImageCommand(region, image) : undefined;
  const framework = detectFramework(image);
  const template = own ?? (framework ? FRAMEWORKS[framework].command : undefined);
  return template ? fillCommand(template, port, '/model_dir') : undefined;
}

/**
 * Image picked: an empty start-command box is filled from the image. A typed command is kept:
 * the contract fixes the `command` block id, and Slack keeps a block's typed value across updates.
 */
export function chooseImage(deps: ListenerDeps) {
  return async ({ ack, body, action, client, logger }: ExternalSelectArgs): Promise<void> => {
    await ack();
    const snapshot = readModalSnapshot(body.view);
    const image = action.selected_option?.value;
    if (!snapshot || !image || snapshot.prefill.command) return;
    const port = Number(snapshot.prefill.port ?? '8000') || 8000;
    const command = suggestCommand(deps, snapshot.prefill.region, image, port);
    if (!command) return;
    await updateDeployModal({ client, logger }, deps, {
      ...snapshot,
      prefill: { ...snapshot.prefill, image, command },
    });
  };
}
