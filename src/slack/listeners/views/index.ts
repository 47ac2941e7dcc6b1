import type { App } from '@slack/bolt';
import { DEPLOY_CALLBACK_ID } from '../../../../blocks/ids.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { submitDeployRequest } from './submit-deploy-request.js';

/** Wires the deploy modal's submission. */
export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(DEPLOY_CALLBACK_ID, submitDeployRequest(deps));
}
