import type {
  App,
  BlockAction,
  ButtonAction,
  ExternalSelectAction,
  StaticSelectAction,
} from '@slack/bolt';
import { ACTION, FIELD } from '../../../blocks/ids.js';
import type { ListenerDeps } from '../listener-deps.js';
import { changeNetwork } from './change-network.js';
import { changeRegion } from './change-region.js';
import { chooseImage } from './choose-image.js';
import { redeploy } from './redeploy.js';
import { refreshStatus } from './refresh-status.js';
import { resendToken } from './resend-token.js';

/** Wires the modal's region, image and network selects and the buttons on result and token messages. */
export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<StaticSelectAction>>(FIELD.network, changeNetwork(deps));
  app.action<BlockAction<StaticSelectAction>>(FIELD.region, changeRegion(deps));
  app.action<BlockAction<ExternalSelectAction>>(FIELD.image, chooseImage(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.refreshStatus, refreshStatus(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.redeploy, redeploy(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.resendToken, resendToken(deps));
}
