import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../listener-deps.js';
import { publishHome } from './publish-home.js';

/** Wires the App Home tab. */
export function registerHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', publishHome(deps));
}
