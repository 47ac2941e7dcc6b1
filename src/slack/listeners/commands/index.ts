import type { App } from '@slack/bolt';
import { SLASH_COMMAND } from '../../../../blocks/ids.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { handleDeployCommand } from './handle-deploy-command.js';

/** Wires the slash command. */
export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(SLASH_COMMAND, handleDeployCommand(deps));
}
