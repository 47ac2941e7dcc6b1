import type {
  App,
  BlockAction,
  ButtonAction,
  ExternalSelectAction,
  StaticSelectAction,
} from '@slack/bolt';
import { ACTION, FIELD, SERVICE_ACTION } from '../../../../blocks/ids.js';
import { keepDurationOf } from '../../../lifecycle/lifecycle-settings.js';
import { APPROVE_ACTION_ID, REJECT_ACTION_ID } from '../../../security/approval-click.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { changeNetwork } from './change-network.js';
import { changeRegion } from './change-region.js';
import { chooseImage } from './choose-image.js';
import { clickServiceButton } from './click-service-button.js';
import { decideApproval } from './decide-approval.js';
import { redeploy } from './redeploy.js';
import { refreshStatus } from './refresh-status.js';
import { resendToken } from './resend-token.js';

/** Wires the modal's selects, the result, token and service buttons, and Approve/Reject. */
export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<StaticSelectAction>>(FIELD.network, changeNetwork(deps));
  app.action<BlockAction<StaticSelectAction>>(FIELD.region, changeRegion(deps));
  app.action<BlockAction<ExternalSelectAction>>(FIELD.image, chooseImage(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.refreshStatus, refreshStatus(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.redeploy, redeploy(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.resendToken, resendToken(deps));
  const serviceButton = clickServiceButton(deps, keepDurationOf(deps.defaultTtl));
  for (const id of Object.values(SERVICE_ACTION)) {
    app.action<BlockAction<ButtonAction>>(id, serviceButton);
  }
  if (deps.approvals && deps.audit) {
    const decide = decideApproval(deps.approvals, deps.audit, deps.outbox);
    app.action<BlockAction<ButtonAction>>(APPROVE_ACTION_ID, decide);
    app.action<BlockAction<ButtonAction>>(REJECT_ACTION_ID, decide);
  }
}
