import type { App } from '@slack/bolt';
import { FIELD } from '../../../../blocks/ids.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { suggestImages } from './suggest-images.js';
import { suggestInstanceTypes } from './suggest-instance-types.js';

/** Wires the external selects' option loads. */
export function registerOptions(app: App, deps: ListenerDeps): void {
  app.options({ action_id: FIELD.image }, suggestImages(deps));
  app.options({ action_id: FIELD.instanceType }, suggestInstanceTypes(deps));
}
